using ConfigResolver.Authorization.Compilation;

namespace ConfigResolver.Authorization.Impact;

/// <summary>
/// The resources an impact analysis checks each action on. Roles grant an action whatever the resource, so a resource can
/// only change a decision through a rule: each action is checked without a resource, on every resource a rule selecting
/// it names (a wildcard selector such as <c>agent/*</c> stands as <c>agent/any</c>), and, when such a rule's condition
/// reads <c>resource</c>, on every <c>provider/&lt;name&gt;</c> of the organization's resolved configuration.
/// </summary>
internal static class ImpactResources
{
    /// <summary>For each action (same order): the resources rules of either policy name for it, and whether a rule selecting it reads the resource.</summary>
    public static (string[] Named, bool ReadsResource)[] Plan(CompiledPolicy before, CompiledPolicy after, string[] actions)
    {
        var rules = before.Packages.Concat(after.Packages).SelectMany(static p => p.Rules).ToArray();
        return
        [
            .. actions.Select(action =>
            {
                var selecting = rules.Where(r => r.Actions.IsEmpty || r.Actions.Any(a => a.Matches(action))).ToArray();
                string[] named =
                [
                    .. selecting.SelectMany(static r => r.Resources)
                        .Select(static s => s.Pattern.Replace("*", "any", StringComparison.Ordinal))
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal),
                ];
                return (named, selecting.Any(static r => r.When.Any(static c => c.Reads("resource"))));
            }),
        ];
    }

    /// <summary>The organization's <c>provider/&lt;name&gt;</c> resources, in order.</summary>
    public static string[] Providers(TenantFacts facts, string organization) =>
        facts.TryGet(organization, out var org) && org.Config.TryGetValue("providers", out var value) && value is IReadOnlyDictionary<string, object?> names
            ? [.. names.Keys.Select(static p => "provider/" + p).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>One action's resources in one organization: none first, then the named and (if read) the provider resources, each once.</summary>
    public static string?[] For((string[] Named, bool ReadsResource) plan, string[] providers) =>
        [null, .. (plan.ReadsResource ? plan.Named.Concat(providers) : plan.Named).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
