using ConfigResolver.Authorization.Compilation;

namespace ConfigResolver.Authorization.Impact;

/// <summary>The resources an impact analysis checks each action on.</summary>
internal static class ImpactResources
{
    /// <summary>Every resource a rule of either policy names; a wildcard selector stands as one instance (<c>*</c> read as <c>any</c>).</summary>
    public static string[] NamedByRules(CompiledPolicy before, CompiledPolicy after) =>
    [
        .. before.Packages.Concat(after.Packages)
            .SelectMany(static p => p.Rules)
            .SelectMany(static r => r.Resources)
            .Select(static s => s.Pattern.Replace("*", "any", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>None, then the rules' resources and the organization's <c>provider/&lt;name&gt;</c> resources, each once, in order.</summary>
    public static string?[] For(TenantFacts facts, string organization, string[] namedByRules)
    {
        var providers = facts.TryGet(organization, out var org) && org.Config.TryGetValue("providers", out var value) && value is IReadOnlyDictionary<string, object?> names
            ? names.Keys.Select(static p => "provider/" + p)
            : [];
        return [null, .. namedByRules.Concat(providers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
