using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Authorization.Impact;

/// <summary>
/// "If I apply this policy, who gains or loses what, where, and why?": evaluates two compiled policies over the same
/// tenancy facts for every (organization, principal, action, resource) of a population and reports each decision
/// that differs, with the rule or grant that decided on each side.
/// </summary>
/// <remarks>
/// <para>
/// The actions are the scopes either policy declares. Roles grant an action whatever the resource, so each action is
/// checked without a resource, on every resource a rule selecting it names (a wildcard selector such as <c>agent/*</c>
/// stands as <c>agent/any</c>), and, when such a rule's condition reads <c>resource</c>, on every <c>provider/&lt;name&gt;</c>
/// the organization's resolved configuration names (as <c>permissions</c> checks them).
/// </para>
/// <para>
/// Each side is compiled once into a snapshot without a decision cache, and every decision is the uncached
/// <see cref="AuthorizationSnapshot.Check"/> itself, so the analysis cannot disagree with <c>check</c>. Organizations are
/// compared in parallel; explanations are computed only for decisions that change. Safe for concurrent use.
/// </para>
/// </remarks>
public static class ImpactAnalyzer
{
    /// <summary>Runs a policy's own tests, so an analysis never compares a policy that fails them.</summary>
    /// <param name="policy">The compiled policy (it linted, or it would not have compiled).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when every case passed.</returns>
    /// <exception cref="PolicyCompilationException">A case failed: one <c>POL2018</c>/<c>POL2024</c> diagnostic per failing case, at the case.</exception>
    public static async Task VerifyAsync(CompiledPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var report = await PolicyTestRunner.RunAsync(policy, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!report.Succeeded)
        {
            throw new PolicyCompilationException(report.Diagnostics);
        }
    }

    /// <summary>Compares two policies' decisions for every principal of a population.</summary>
    /// <param name="before">The policy in force.</param>
    /// <param name="after">The proposed policy.</param>
    /// <param name="facts">The organizations, memberships and resolved configurations both sides are joined with.</param>
    /// <param name="population">Who is asked about (see <see cref="ImpactPopulation"/>).</param>
    /// <param name="timeProvider">The clock conditions read; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <returns>Every decision that differs, in organization, principal, action and resource order.</returns>
    public static PolicyImpact Compare(CompiledPolicy before, CompiledPolicy after, TenantFacts facts, ImpactPopulation population, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(population);
        var options = new AuthorizationOptions { EnableDecisionCache = false, TimeProvider = timeProvider ?? TimeProvider.System };
        var old = AuthorizationSnapshot.Create(before, facts, options);
        var @new = AuthorizationSnapshot.Create(after, facts, options);
        string[] actions = [.. before.Scopes.Concat(after.Scopes).Distinct(StringComparer.Ordinal)];
        var plan = ImpactResources.Plan(before, after, actions);
        var organizations = population.Organizations;
        var found = new List<PolicyDecisionChange>?[organizations.Length];
        var compared = new long[organizations.Length];
        Parallel.For(0, organizations.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var organization = organizations[i];
            var providers = ImpactResources.Providers(facts, organization.Slug);
            var resources = plan.Select(p => ImpactResources.For(p, providers)).ToArray();
            compared[i] = organization.Principals.Length * (long)resources.Sum(static r => r.Length);
            found[i] = CompareOrganization(old, @new, organization, actions, resources);
        });

        var changes = found.Where(static f => f is not null).SelectMany(static f => f!);
        return new PolicyImpact([.. changes], compared.Sum());
    }

    private static List<PolicyDecisionChange>? CompareOrganization(
        AuthorizationSnapshot old, AuthorizationSnapshot @new, ImpactOrganization organization, string[] actions, string?[][] resources)
    {
        List<PolicyDecisionChange>? changes = null;
        foreach (var principal in organization.Principals)
        {
            for (var a = 0; a < actions.Length; a++)
            {
                var action = actions[a];
                foreach (var resource in resources[a])
                {
                    var before = old.Check(principal.Principal, organization.Slug, action, resource);
                    var after = @new.Check(principal.Principal, organization.Slug, action, resource);
                    if (before.Allowed != after.Allowed)
                    {
                        (changes ??= []).Add(new PolicyDecisionChange(
                            organization.Slug, principal.Name, action, resource, before.Allowed, after.Allowed,
                            ImpactExplanation.Because(before, principal), ImpactExplanation.Because(after, principal)));
                    }
                }
            }
        }

        return changes;
    }
}
