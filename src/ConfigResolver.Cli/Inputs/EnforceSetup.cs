using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Cli.Inputs;

/// <summary>
/// The conformance corpus's <c>setup</c> object: role and domain matching functions by built-in name and
/// accept-JSON requests, applied in Go's harness order after the model and policy are loaded.
/// </summary>
/// <param name="MatchingFunctions">Role type to function name (<c>AddNamedMatchingFunc</c>).</param>
/// <param name="DomainMatchingFunctions">Role type to function name (<c>AddNamedDomainMatchingFunc</c>).</param>
/// <param name="AcceptJsonRequest">Whether to call <c>EnableAcceptJsonRequest(true)</c>.</param>
internal sealed record EnforceSetup(
    IReadOnlyList<KeyValuePair<string, string>> MatchingFunctions,
    IReadOnlyList<KeyValuePair<string, string>> DomainMatchingFunctions,
    bool AcceptJsonRequest)
{
    private static readonly string[] s_keys = ["matching_functions", "domain_matching_functions", "accept_json_request"];

    /// <summary>Parses the <c>--setup</c> value.</summary>
    /// <param name="json">A JSON object.</param>
    /// <returns>The setup.</returns>
    /// <exception cref="CommandFailedException">The value is not a setup object.</exception>
    public static EnforceSetup Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CommandFailedException($"--setup: expected a JSON object; the value is not valid JSON at character {(e.BytePositionInLine ?? 0) + 1}.", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CommandFailedException("--setup: expected a JSON object such as {\"matching_functions\": {\"g\": \"keyMatch2\"}}.");
        }

        try
        {
            var unknown = root.EnumerateObject().FirstOrDefault(static p => !s_keys.Contains(p.Name, StringComparer.Ordinal));
            if (unknown.Value.ValueKind != JsonValueKind.Undefined)
            {
                throw new CommandFailedException($"--setup: unknown key '{unknown.Name}'; expected one of {string.Join(", ", s_keys.Select(static k => $"'{k}'"))}.");
            }

            return new EnforceSetup(
                Functions(root, "matching_functions"),
                Functions(root, "domain_matching_functions"),
                root.TryGetProperty("accept_json_request", out var accept) && Boolean(accept));
        }
        catch (InvalidOperationException e)
        {
            throw new CommandFailedException("--setup: a string holds an escaped lone surrogate (\\uD800-\\uDFFF without its pair); text must be valid Unicode.", e);
        }
    }

    /// <summary>Applies the setup to an enforcer.</summary>
    /// <param name="enforcer">The enforcer.</param>
    /// <exception cref="CommandFailedException">A function name is unknown or a role type is not in the model.</exception>
    public void ApplyTo(Enforcer enforcer)
    {
        foreach (var (roleType, name) in MatchingFunctions)
        {
            Require(enforcer.AddNamedMatchingFunc(roleType, Function(name)), "matching_functions", roleType);
        }

        foreach (var (roleType, name) in DomainMatchingFunctions)
        {
            Require(enforcer.AddNamedDomainMatchingFunc(roleType, Function(name)), "domain_matching_functions", roleType);
        }

        if (AcceptJsonRequest)
        {
            enforcer.EnableAcceptJsonRequest(true);
        }
    }

    private static List<KeyValuePair<string, string>> Functions(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var map))
        {
            return [];
        }

        if (map.ValueKind != JsonValueKind.Object || map.EnumerateObject().Any(static p => p.Value.ValueKind != JsonValueKind.String))
        {
            throw new CommandFailedException($"--setup: '{key}' must map role types to function names, e.g. {{\"g\": \"keyMatch2\"}}.");
        }

        return [.. map.EnumerateObject().Select(static p => KeyValuePair.Create(p.Name, p.Value.GetString()!))];
    }

    private static bool Boolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new CommandFailedException("--setup: 'accept_json_request' must be true or false."),
    };

    private static Func<string, string, bool> Function(string name) =>
        BuiltInFunctions.TryGetMatchingFunction(name, out var function)
            ? function
            : throw new CommandFailedException(
                $"--setup: unknown matching function '{name}'; expected one of {string.Join(", ", BuiltInFunctions.MatchingFunctionNames.Order(StringComparer.Ordinal).Select(static n => $"'{n}'"))}.");

    private static void Require(bool applied, string key, string roleType)
    {
        if (!applied)
        {
            throw new CommandFailedException($"--setup: '{key}' names role type '{roleType}', which the model does not define.");
        }
    }
}
