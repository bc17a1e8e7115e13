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
            new LibrarySettings(Text(library[0]), SecretOf(library[1])),
            Choice(globalDefault),
            Choice(smallFast),
            new UsageLimits(Integer(limits[0]), Integer(limits[1]), Integer(limits[2]), Integer(limits[3])),
            ProviderOrder());
    }

    private static FeatureSettings Features(ResolvedValue[] features)
    {
        // FeatureFields: signup_enabled, signup_key, then ConfigKeys.BooleanFeatures in order.
        return new FeatureSettings(
            Boolean(features[0]),
            SecretOf(features[1]),
            devMode: Boolean(features[2]),
            ltiPublishing: Boolean(features[3]),
            mcpEnabled: Boolean(features[4]),
            ragEnabled: Boolean(features[5]),
            sharingEnabled: Boolean(features[6]));
    }

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

    private static ModelChoice? Choice(ResolvedValue[] choice) =>
        Text(choice[0]) is { } provider && Text(choice[1]) is { } model ? new ModelChoice(provider, model) : null;

    private static long? Integer(ResolvedValue value) => value.Value is { IsInteger: true } number ? number.AsInt64() : null;

    private static bool Boolean(ResolvedValue value) => value.Value is { Kind: ConfigValueKind.Boolean } flag && flag.AsBoolean();
}
