using System.Collections.Immutable;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

internal sealed partial class TenantConfigBuilder
{
    /// <summary>Resolves library, model choices, usage limits and the open sections' extra keys.</summary>
    private ResolvedSections ResolveLambSections(SortedSet<string> extraPointers)
    {
        var library = ResolveSection(ConfigKeys.LibrarySection);
        var globalDefault = ResolveSection(ConfigKeys.GlobalDefaultModelSection);
        var smallFast = ResolveSection(ConfigKeys.SmallFastModelSection);
        var limits = ResolveSection(ConfigKeys.UsageLimitsSection);
        foreach (var pointer in extraPointers)
        {
            Walk(pointer, OrganizationOnly, ValueState.Set);
        }

        return new ResolvedSections(
            new LibrarySettings(Text(library[ConfigKeys.KbUrl]), SecretOf(library[ConfigKeys.KbApiKey])),
            Choice(globalDefault),
            Choice(smallFast),
            new UsageLimits(
                Integer(limits["tokens_per_month"]),
                Integer(limits["max_assistants"]),
                Integer(limits["max_assistants_per_user"]),
                Integer(limits["storage_gb"])),
            ProviderOrder());
    }

    private static FeatureSettings Features(ResolvedSectionValues features) =>
        new(
            Boolean(features[ConfigKeys.SignupEnabled]),
            SecretOf(features[ConfigKeys.SignupKey]),
            devMode: Boolean(features["dev_mode"]),
            ltiPublishing: Boolean(features["lti_publishing"]),
            mcpEnabled: Boolean(features["mcp_enabled"]),
            ragEnabled: Boolean(features["rag_enabled"]),
            sharingEnabled: Boolean(features["sharing_enabled"]));

    /// <summary>The organization's providers in its document's order, then the environment's, then the system organization's.</summary>
    private ImmutableArray<string> ProviderOrder()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = ImmutableArray.CreateBuilder<string>();
        foreach (var (layer, values) in _layers)
        {
            if (layer == ConfigLayer.Default)
            {
                continue;
            }

            foreach (var name in values.ProviderOrder)
            {
                if (seen.Add(name))
                {
                    order.Add(name);
                }
            }

            // A layer may set a provider's field without naming the provider object (the environment's OPENAI_MODEL).
            foreach (var name in values.ProviderNames)
            {
                if (seen.Add(name))
                {
                    order.Add(name);
                }
            }
        }

        return order.ToImmutable();
    }

    private static ModelChoice? Choice(ResolvedSectionValues choice) =>
        Text(choice["provider"]) is { } provider && Text(choice["model"]) is { } model ? new ModelChoice(provider, model) : null;

    private static long? Integer(ResolvedValue value) => value.Value is { IsInteger: true } number ? number.AsInt64() : null;

    private static bool Boolean(ResolvedValue value) => value.Value is { Kind: ConfigValueKind.Boolean } flag && flag.AsBoolean();
}
