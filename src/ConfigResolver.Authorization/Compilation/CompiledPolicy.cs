using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// A policy directory compiled: the engine model, roles and scopes as policy lines, rule packages with compiled
/// conditions, organization overlays, and the policy test suites. Holds nothing about tenants; joining it with the
/// store's facts makes an <see cref="AuthorizationSnapshot"/>.
/// </summary>
/// <remarks>Immutable; safe for concurrent use.</remarks>
public sealed class CompiledPolicy
{
    internal CompiledPolicy(PolicyModel model, CompiledRoles roles, ImmutableArray<CompiledPackage> packages, ImmutableArray<PolicyTestSuite> tests, ImmutableArray<string> files)
    {
        Model = model;
        RoleSet = roles;
        Packages = packages;
        Tests = tests;
        Files = files;
        var basePackages = packages.Where(static p => p.OverlayOrganization is null).ToArray();
        BaseDenyRules = [.. basePackages.SelectMany(static p => p.Rules).Where(static r => r.IsDeny)];
        BaseAllowRules = [.. basePackages.SelectMany(static p => p.Rules).Where(static r => !r.IsDeny)];
        DefaultAllowPackages = [.. basePackages.Where(static p => p.DefaultAllows)];
        Overlays = packages.Where(static p => p.OverlayOrganization is not null)
            .GroupBy(static p => p.OverlayOrganization!, StringComparer.Ordinal)
            .ToFrozenDictionary(
                static g => g.Key,
                static g => (Deny: g.SelectMany(static p => p.Rules).Where(static r => r.IsDeny).ToArray(), Allow: g.SelectMany(static p => p.Rules).Where(static r => !r.IsDeny).ToArray()),
                StringComparer.Ordinal);
        var conditions = packages.SelectMany(static p => p.Rules).SelectMany(static r => r.When).ToList();
        IsCacheable = conditions.All(static c => c.IsDeterministic && !c.Reads("context"));
        ReadsTime = conditions.Any(static c => !c.IsDeterministic
            || c.ReadsVariable(ConditionVariables.Context) || c.ReadsVariable(ConditionVariables.ContextTime));
        Names = conditions.SelectMany(static c => c.StringConstants).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The engine model the roles compile onto (<c>model.conf</c>, or the embedded default).</summary>
    public PolicyModel Model { get; }

    /// <summary>Declared scopes, in file order.</summary>
    public ImmutableArray<string> Scopes => RoleSet.Scopes;

    /// <summary>Declared roles, in file order.</summary>
    public ImmutableArray<string> Roles => [.. RoleSet.Roles.Values.OrderBy(static r => r.Order).Select(static r => r.Name)];

    /// <summary>Rule package names (overlays as <c>&lt;org&gt;/&lt;package&gt;</c>), in load order.</summary>
    public ImmutableArray<string> PackageNames => [.. Packages.Select(static p => p.OverlayOrganization is null ? p.Name : $"{p.OverlayOrganization}/{p.Name}")];

    /// <summary>Number of rules (alternatives counted one by one) over every package.</summary>
    public int RuleCount => Packages.Sum(static p => p.Rules.Length);

    /// <summary>The policy lines the roles compile to, as Casbin CSV (<c>p, role:admin, *, agents, write</c>).</summary>
    public ImmutableArray<string> PolicyLines => [.. RoleSet.PolicyLines.Select(static l => $"{l.Type}, {string.Join(", ", l.Fields)}")];

    /// <summary>The policy test suites (<c>*_test.yaml</c>), in file order.</summary>
    public ImmutableArray<PolicyTestSuite> Tests { get; }

    /// <summary>The files compiled, as named in diagnostics.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>Whether decisions may be cached: no condition reads <c>context</c> and every condition is deterministic.</summary>
    public bool IsCacheable { get; }

    /// <summary>
    /// Whether some condition reads the time (<c>context.time</c>, or a clock function such as <c>timeMatch</c>): only then
    /// does a check read the clock, once, and keep the instant in its decision for the explanation.
    /// </summary>
    internal bool ReadsTime { get; }

    /// <summary>
    /// The text constants of every condition. A part of a resource (<c>resource.kind</c>, <c>resource.id</c>) equal to
    /// one of them is passed to conditions as this instance, so reading it allocates nothing.
    /// </summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Names { get; }

    internal CompiledRoles RoleSet { get; }

    internal ImmutableArray<CompiledPackage> Packages { get; }

    internal CompiledRule[] BaseDenyRules { get; }

    internal CompiledRule[] BaseAllowRules { get; }

    internal CompiledPackage[] DefaultAllowPackages { get; }

    internal FrozenDictionary<string, (CompiledRule[] Deny, CompiledRule[] Allow)> Overlays { get; }
}
