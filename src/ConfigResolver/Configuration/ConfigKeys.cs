using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ConfigResolver.Configuration;

/// <summary>
/// The catalogue of the resolved view: every section, field and pointer, e.g. <c>/providers/openai/base_url</c>.
/// Pointer strings for well-known providers are built once, so resolution does not rebuild them.
/// </summary>
internal static partial class ConfigKeys
{
    public const string DefaultSetup = "default";
    public const string Providers = "providers";
    public const string KbServer = "kb_server";
    public const string AssistantDefaults = "assistant_defaults";
    public const string Features = "features";
    public const string Metadata = "metadata";

    public static readonly ConfigField Enabled = new("enabled", ConfigValueKind.Boolean);
    public static readonly ConfigField ApiKey = new("api_key", ConfigValueKind.Secret);
    public static readonly ConfigField BaseUrl = new("base_url", ConfigValueKind.Text, IsUrl: true);
    public static readonly ConfigField DefaultModel = new("default_model", ConfigValueKind.Text);
    public static readonly ConfigField Models = new("models", ConfigValueKind.StringList);

    public static readonly ImmutableArray<string> WellKnownProviders = ["anthropic", "google", "ollama", "openai"];

    public static readonly ImmutableArray<ConfigField> ProviderFields = [Enabled, ApiKey, BaseUrl, DefaultModel, Models];

    private static readonly FrozenDictionary<string, string[]> s_wellKnownPointers =
        WellKnownProviders.ToFrozenDictionary(p => p, p => BuildProviderPointers(p), StringComparer.Ordinal);

    /// <summary>Returns the pointers of a provider's fields, in <see cref="ProviderFields"/> order.</summary>
    public static string[] ProviderPointers(string provider) =>
        s_wellKnownPointers.TryGetValue(provider, out var pointers) ? pointers : BuildProviderPointers(provider);

    /// <summary>Returns the pointer of one of a provider's fields (<see cref="ProviderFields"/>): a lookup for the well-known
    /// providers, one concatenation (not the whole pointer array) for any other.</summary>
    public static string ProviderPointer(string provider, ConfigField field) =>
        s_wellKnownPointers.TryGetValue(provider, out var pointers) ? pointers[ProviderFields.IndexOf(field)] : ProviderPointer(provider) + "/" + field.Name;

    public static string ProviderPointer(string provider) => "/" + Providers + "/" + JsonPointer.Escape(provider);

    public static string SectionPointer(string section, ConfigField field) => "/" + section + "/" + field.Name;

    public static bool IsSecretName(string propertyName) =>
        propertyName is "api_key" or "signup_key" or "api_token" or "token";

    /// <summary>
    /// Whether a value at <paramref name="pointer"/> (a document pointer) may be a secret, so messages describe it by type
    /// and length only: a secret field itself, and anything inside a section that holds secrets (<c>providers</c>,
    /// <c>kb_server</c>, <c>library</c>, <c>inheritance</c>), where a key pasted into the wrong slot would otherwise be echoed.
    /// </summary>
    /// <param name="pointer">A JSON pointer into an organization document.</param>
    /// <returns>True when the value must not be shown.</returns>
    public static bool IsSensitivePointer(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        foreach (var segment in JsonPointer.Split(pointer))
        {
            if (segment is "providers" or "kb_server" or "library" or "inheritance" || IsSecretName(segment))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the field a resolved pointer addresses, e.g. <c>/providers/x/models</c> or <c>/kb_server/url</c>.</summary>
    public static bool TryDescribe(string pointer, out ConfigField field, out string? provider)
    {
        field = Enabled;
        provider = null;
        var segments = JsonPointer.Split(pointer);
        if (segments.Count == 3 && segments[0] == Providers && IsName(segments[1]))
        {
            provider = segments[1];
            foreach (var candidate in ProviderFields)
            {
                if (candidate.Name == segments[2])
                {
                    field = candidate;
                    return true;
                }
            }

            return false;
        }

        foreach (var section in Sections)
        {
            if (segments.Count == section.Path.Length + 1 && Matches(segments, section.Path))
            {
                if (section.TryFind(segments[^1], out var found))
                {
                    field = found;
                    return true;
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>Provider and setup names: 1-63 lowercase letters, digits, '_' or '-', starting with a letter or digit.</summary>
    public static bool IsName(string name)
    {
        if (name.Length is 0 or > 63 || !(char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0])))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(IReadOnlyList<string> segments, ImmutableArray<string> path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (segments[i] != path[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string[] BuildProviderPointers(string provider)
    {
        var prefix = ProviderPointer(provider) + "/";
        var pointers = new string[ProviderFields.Length];
        for (var i = 0; i < pointers.Length; i++)
        {
            pointers[i] = prefix + ProviderFields[i].Name;
        }

        return pointers;
    }
}
