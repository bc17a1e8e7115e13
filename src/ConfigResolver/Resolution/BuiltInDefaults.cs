using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>
/// The lowest layer: public endpoints of the well-known providers and safe feature defaults. It never holds a
/// secret and never makes a provider present (so an unconfigured provider stays absent, not enabled).
/// </summary>
internal static class BuiltInDefaults
{
    public static readonly LayerValues Layer = Build();

    private static LayerValues Build()
    {
        var builder = new LayerValuesBuilder();
        AddBaseUrl(builder, "openai", "https://api.openai.com/v1");
        AddBaseUrl(builder, "anthropic", "https://api.anthropic.com/v1");
        AddBaseUrl(builder, "google", "https://generativelanguage.googleapis.com/v1beta");
        AddBaseUrl(builder, "ollama", "http://localhost:11434");
        Add(builder, ConfigKeys.SignupEnabledPointer, ConfigValue.FromBoolean(false));
        foreach (var feature in ConfigKeys.BooleanFeatures)
        {
            // LAMB's get_feature_flag answers false for a switch an organization does not set.
            Add(builder, ConfigKeys.FeaturesSection.Pointer(feature), ConfigValue.FromBoolean(false));
        }

        Add(builder, "/assistant_defaults/prompt_template", ConfigValue.FromString("{context}\n\n{user_input}"));
        Add(builder, "/assistant_defaults/system_prompt", ConfigValue.FromString("You are a helpful assistant."));

        // The layer's providers map stays empty on purpose: defaults never imply that a provider is configured.
        return builder.Build();
    }

    private static void AddBaseUrl(LayerValuesBuilder builder, string provider, string url) =>
        Add(builder, ConfigKeys.ProviderPointer(provider, ConfigKeys.BaseUrl), ConfigValue.FromString(url));

    private static void Add(LayerValuesBuilder builder, string pointer, ConfigValue value) =>
        builder.TryAdd(pointer, value, pointer);
}
