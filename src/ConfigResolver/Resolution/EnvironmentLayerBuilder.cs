using System.Collections.Immutable;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>
/// Builds the environment layer from an <see cref="IConfiguration"/>: first the generic form
/// (<c>CFGR__providers__openai__base_url</c>, which wins), then the mapped names (<c>OPENAI_BASE_URL</c>).
/// Empty values count as unset. Values are type-checked; every problem is reported.
/// </summary>
internal static class EnvironmentLayerBuilder
{
    private const string Where = "environment";
    private const string OllamaModel = "OLLAMA_MODEL";
    private const string OllamaDefaultModelPointer = "/providers/ollama/default_model";
    private const string OllamaModelsPointer = "/providers/ollama/models";

    public static LayerValues Build(IConfiguration configuration, ResolverOptions options, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var builder = new LayerValuesBuilder();
        if (!string.IsNullOrEmpty(options.EnvironmentPrefix))
        {
            AddGeneric(configuration.GetSection(options.EnvironmentPrefix), options.EnvironmentPrefix, [], builder, bag);
        }

        var mapping = Mapping(options, bag);
        foreach (var (key, pointer) in mapping)
        {
            var text = configuration[key];
            if (!string.IsNullOrEmpty(text) && !builder.Contains(pointer))
            {
                Add(key, pointer, text, builder, bag);
            }
        }

        // LAMB lists OLLAMA_MODEL as the provider's only model; keep that unless something else set the models.
        if (mapping.TryGetValue(OllamaModel, out var ollamaPointer) && ollamaPointer == OllamaDefaultModelPointer
            && builder.TryGetEntry(OllamaDefaultModelPointer, out var model) && model.Source.Equals(OllamaModel, StringComparison.OrdinalIgnoreCase))
        {
            builder.TryAdd(OllamaModelsPointer, ConfigValue.FromList([model.Value.AsString()]), model.Source);
        }

        diagnostics = bag.ToImmutable();
        return builder.Build();
    }

    private static SortedDictionary<string, string> Mapping(ResolverOptions options, DiagnosticBag bag)
    {
        var mapping = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (options.UseLambEnvironmentNames)
        {
            foreach (var (key, pointer) in EnvironmentMapping.LambNames)
            {
                mapping[key] = pointer;
            }
        }

        foreach (var (key, pointer) in options.EnvironmentMapping)
        {
            if (string.IsNullOrEmpty(pointer))
            {
                mapping.Remove(key);
            }
            else if (ConfigKeys.TryDescribe(pointer, out var field, out _) && field.FromEnvironment)
            {
                mapping[key] = pointer;
            }
            else
            {
                bag.Add(new Diagnostic(DiagnosticCodes.InvalidEnvironmentMapping, $"the mapping of '{key}' targets {ValueDescriber.Quote(pointer)}, which is not a layered key of the resolved view.")
                {
                    Where = "environment mapping",
                    Pointer = pointer,
                });
            }
        }

        return mapping;
    }

    private static void AddGeneric(IConfigurationSection section, string key, ImmutableArray<string> segments, LayerValuesBuilder builder, DiagnosticBag bag)
    {
        var pointer = JsonPointer.FromSegments(segments);
        if (segments.Length > 0 && ConfigKeys.TryDescribe(pointer, out var field, out _) && field.Scope == FieldScope.Layered)
        {
            var children = section.GetChildren().ToList();
            var text = field.Kind == ConfigValueKind.StringList && children.Count > 0
                ? string.Join(',', children.OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue).Select(c => c.Value))
                : section.Value;
            if (!string.IsNullOrEmpty(text))
            {
                Add(key, pointer, text, builder, bag);
            }

            return;
        }

        foreach (var child in section.GetChildren())
        {
            AddGeneric(child, key + "__" + child.Key, segments.Add(child.Key.ToLowerInvariant()), builder, bag);
        }

        if (segments.Length > 0 && !string.IsNullOrEmpty(section.Value))
        {
            bag.Add(new Diagnostic(DiagnosticCodes.InvalidEnvironmentValue, $"'{key}' does not name a layered key of the resolved view (features and metadata are organization-only).")
            {
                Where = $"{Where} '{key}'",
                Pointer = pointer,
            });
        }
    }

    private static void Add(string key, string pointer, string text, LayerValuesBuilder builder, DiagnosticBag bag)
    {
        ConfigKeys.TryDescribe(pointer, out var field, out var provider);
        if (!TryParse(pointer, field, text, out var value, out var expected))
        {
            bag.Add(Diagnostic.Mismatch(DiagnosticCodes.InvalidEnvironmentValue, pointer, expected, field.IsSecret ? Secret.DescribeLength(text.Length) : ValueDescriber.Quote(text))
                with { Where = $"{Where} '{key}'" });
            return;
        }

        builder.TryAdd(pointer, value, key);
        if (provider is not null)
        {
            builder.AddProvider(provider, key);
        }
    }

    private static bool TryParse(string pointer, ConfigField field, string text, out ConfigValue value, out string expected)
    {
        expected = string.Empty;
        value = ConfigValue.FromBoolean(false);
        switch (field.Kind)
        {
            case ConfigValueKind.Boolean:
                expected = "true or false (also 1/0, yes/no, on/off)";
                return TryParseBoolean(text, out value);
            case ConfigValueKind.StringList:
                value = ConfigValue.FromList([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
                return true;
            case ConfigValueKind.Secret:
                expected = SignupKeyRules.Expectation;
                value = ConfigValue.FromSecret(new Secret(text));
                return pointer != ConfigKeys.SignupKeyPointer || SignupKeyRules.IsWellFormed(text);
            case ConfigValueKind.Number:
                expected = "an integer of at least -1 (-1 means unlimited)";
                var isLimit = long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= -1;
                value = ConfigValue.FromInteger(isLimit ? number : 0);
                return isLimit;
            case ConfigValueKind.Text when field.Name == "provider":
                expected = "a provider name: 1-63 lowercase letters, digits, '_' or '-', starting with a letter or digit";
                value = ConfigValue.FromString(text);
                return ConfigKeys.IsName(text);
            default:
                expected = UrlRules.Expectation;
                if (field.IsUrl && !UrlRules.IsHttpUrl(text))
                {
                    return false;
                }

                value = ConfigValue.FromString(text);
                return true;
        }
    }

    private static bool TryParseBoolean(string text, out ConfigValue value)
    {
        var normalized = text.Trim().ToLowerInvariant();
        var (ok, result) = normalized switch
        {
            "true" or "1" or "yes" or "on" => (true, true),
            "false" or "0" or "no" or "off" => (true, false),
            _ => (false, false),
        };
        value = ConfigValue.FromBoolean(result);
        return ok;
    }
}
