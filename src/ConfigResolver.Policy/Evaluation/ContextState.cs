using System.Collections.Immutable;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Compilation.Expressions;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Per snapshot and enforce context: the compiled matcher, the rules it reads, the index over them and the decision
/// cache. Built once per snapshot (eagerly for the default context), immutable apart from the cache.
/// </summary>
internal sealed class ContextState
{
    public ContextState(CompiledMatcher matcher, RuleList rules, RoleManager[] roleManagers, int cacheCapacity, ContextState? previous = null)
    {
        Matcher = matcher;
        RuleList = rules;
        Plan = IndexPlan.Analyze(matcher, roleManagers);
        Cache = new DecisionCache(cacheCapacity);
        Cacheable = !matcher.Root.Has(ExprTraits.Volatile) && matcher.BindingError is null;

        // Without rules, or when the matcher never mentions the policy, casbin evaluates the matcher once: nothing to index.
        if (!Plan.IsIndexed || rules.Count == 0 || !matcher.MentionsPolicy)
        {
            return;
        }

        // A change that left these rules alone (a role link, say) keeps the index; a change to them updates only its groups.
        var reusable = previous is { Index: not null } && ReferenceEquals(previous.Matcher, matcher) && previous.Plan.SameKeys(Plan);
        Index = reusable && ReferenceEquals(previous!.RuleList, rules) ? previous.Index
            : reusable && RuleIndex.TryUpdate(previous!.Index!, previous.RuleList, rules) is { } updated ? updated
            : RuleIndex.Build(Plan, rules);
    }

    /// <summary>Whether decisions may be cached: false when the matcher reads the clock or calls non-deterministic functions.</summary>
    public bool Cacheable { get; }

    /// <summary>The rule list the index was built over (its identity tells whether a later snapshot can reuse it).</summary>
    public RuleList RuleList { get; }

    public CompiledMatcher Matcher { get; }

    /// <summary>The rules in evaluation order without holes, for scans (built on first use after a change).</summary>
    public ImmutableArray<string[]> Rules => RuleList.Items;

    public IndexPlan Plan { get; }

    public RuleIndex? Index { get; }

    public DecisionCache Cache { get; }

    /// <summary>Whether a request of this context is evaluated by scanning rules (no index applies).</summary>
    public bool Scans => Index is null && RuleList.Count > 0 && Matcher.MentionsPolicy;
}
