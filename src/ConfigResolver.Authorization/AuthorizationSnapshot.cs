using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Evaluation;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Authorization;

/// <summary>
/// One published authorization state: a <see cref="CompiledPolicy"/> joined with <see cref="TenantFacts"/> on an
/// engine snapshot whose policy lines are the roles' grants and whose role links are the memberships. Checks on a
/// snapshot always answer from that state; a change publishes a new snapshot with the next <see cref="Revision"/> and
/// a new, empty decision cache, so a cached answer is never stale.
/// </summary>
/// <remarks>
/// <para>Safe for concurrent use; checks never lock. Everything it holds is immutable.</para>
/// <para>
/// The snapshot's decision cache is the only cache a check consults: the engine snapshot under it is built with its own
/// cache off. A membership change derives the next engine snapshot from this one (only that organization's role graph
/// is rebuilt) and publishes a new authorization snapshot holding it, so every decision is the decision of exactly the
/// snapshot whose revision it reports.
/// </para>
/// </remarks>
public sealed class AuthorizationSnapshot
{
    private readonly DecisionCache? _cache;

    private AuthorizationSnapshot(long revision, CompiledPolicy policy, TenantFacts facts, PolicySnapshot engine, AuthorizationOptions options, DecisionCacheStatistics statistics)
    {
        Statistics = statistics;
        Revision = revision;
        Policy = policy;
        Facts = facts;
        Engine = engine;
        Options = options;
        _cache = options.EnableDecisionCache && policy.IsCacheable ? new DecisionCache(options.DecisionCacheCapacity) : null;
    }

    /// <summary>Increases by one with every published change (policy reload or tenancy change).</summary>
    public long Revision { get; }

    /// <summary>The store revision the tenancy facts reflect (<see cref="TenantFacts.StoreRevision"/>).</summary>
    public long StoreRevision => Facts.StoreRevision;

    /// <summary>The compiled policy.</summary>
    public CompiledPolicy Policy { get; }

    /// <summary>The tenancy facts.</summary>
    public TenantFacts Facts { get; }

    /// <summary>Whether this snapshot caches decisions (cache on, and no condition reads the context or the clock).</summary>
    public bool CachesDecisions => _cache is not null;

    /// <summary>The engine's immutable state: the roles' policy lines and the memberships' role links; no cache of its own.</summary>
    internal PolicySnapshot Engine { get; }

    internal AuthorizationOptions Options { get; }

    /// <summary>Gets how checks were answered (cache hits and misses), shared by every snapshot its service publishes.</summary>
    public DecisionCacheStatistics Statistics { get; }

    internal TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>Joins a compiled policy with tenancy facts.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="facts">The facts.</param>
    /// <param name="options">Cache and clock settings; defaults when null.</param>
    /// <param name="revision">The revision to report.</param>
    /// <returns>The snapshot.</returns>
    public static AuthorizationSnapshot Create(CompiledPolicy policy, TenantFacts facts, AuthorizationOptions? options = null, long revision = 1) =>
        Create(policy, facts, options, revision, new DecisionCacheStatistics());

    internal static AuthorizationSnapshot Create(CompiledPolicy policy, TenantFacts facts, AuthorizationOptions? options, long revision, DecisionCacheStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        options ??= new AuthorizationOptions();
        var engine = PolicySnapshotBuilder.Build(
            policy.Model,
            [.. policy.RoleSet.PolicyLines.Concat(facts.RoleLinks())],
            policy.RoleSet.File,
            new EnforcerOptions { EnableCache = false, TimeProvider = options.TimeProvider });
        return new AuthorizationSnapshot(revision, policy, facts, engine, options, statistics);
    }

    /// <summary>Decides whether a principal may perform an action in an organization.</summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="action">The action, a scope such as <c>agents:write</c> or another action rules select.</param>
    /// <param name="resource">The resource, such as <c>provider/openai</c> or <c>agent/42</c>; none when null.</param>
    /// <param name="context">Time, client address and resource attributes; none when null.</param>
    /// <returns>The decision; its explanation is computed only when asked for, from what the check read.</returns>
    /// <remarks>
    /// Allocates nothing when answered from the cache, and nothing on a miss unless a condition reads a variable as a
    /// whole object or a text the policy does not know (see docs/authorization.md). The clock is read once, and only
    /// when a condition reads the time; the decision keeps that instant.
    /// </remarks>
    public Decision Check(Principal principal, string organization, string action, string? resource = null, CheckContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(action);
        // The cache key has neither resource attributes nor the context's team (an API key's team is in its Key).
        var cache = context?.ResourceAttributes is null && (context?.Team is null || !Policy.ReadsTeam) ? _cache : null;
        var target = resource ?? string.Empty;
        if (cache is not null && cache.TryGet(principal.Key, organization, action, target, out var cached))
        {
            Statistics.Hit();
            return new Decision(this, principal, organization, action, resource, context, cached, time: null);
        }

        Statistics.Miss();
        using var activity = AuthorizationActivities.StartCheck(organization, action);
        var time = context?.Time ?? (Policy.ReadsTime ? TimeProvider.GetUtcNow() : null);
        var allowed = CheckEvaluation.Evaluate(this, principal, organization, action, target, context, time, trace: null);
        cache?.Add(principal.Key, organization, action, target, allowed);
        return new Decision(this, principal, organization, action, resource, context, allowed, time);
    }

    /// <summary>The next snapshot after a tenancy change that leaves role links alone: same policy and engine, new facts, a fresh cache.</summary>
    internal AuthorizationSnapshot WithFacts(TenantFacts facts, long revision) => new(revision, Policy, facts, Engine, Options, Statistics);

    /// <summary>
    /// The next snapshot after changes of role links (memberships, any number of them): the engine derived from this one in
    /// one step (one index and closure update for the whole batch), new facts, a fresh cache.
    /// </summary>
    internal AuthorizationSnapshot WithRoleLinks(IReadOnlyList<PolicyChange> links, TenantFacts facts, long revision) =>
        new(revision, Policy, facts, PolicySnapshotChanges.WithBatch(Engine, links), Options, Statistics);

    /// <summary>The next snapshot after a full re-read of the store (a feed reset): a new engine with every role link rebuilt.</summary>
    internal AuthorizationSnapshot WithAllFacts(TenantFacts facts, long revision) => Create(Policy, facts, Options, revision, Statistics);

    /// <summary>The next snapshot after a policy reload, on a new engine built from the current facts.</summary>
    internal AuthorizationSnapshot WithPolicy(CompiledPolicy policy, long revision) => Create(policy, Facts, Options, revision, Statistics);
}
