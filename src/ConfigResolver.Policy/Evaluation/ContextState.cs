using System.Collections.Immutable;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Per snapshot and enforce context: the compiled matcher, the rules it reads, the index over them and the decision
/// cache. Built once per snapshot (eagerly for the default context), immutable apart from the cache.
/// </summary>
internal sealed class ContextState
{
    public ContextState(CompiledMatcher matcher, ImmutableArray<string[]> rules, RoleManager[] roleManagers, int cacheCapacity)
    {
        Matcher = matcher;
        Rules = rules;
        Plan = IndexPlan.Analyze(matcher, roleManagers);

        // Without rules, or when the matcher never mentions the policy, casbin evaluates the matcher once: nothing to index.
        Index = Plan.IsIndexed && rules.Length > 0 && matcher.MentionsPolicy ? RuleIndex.Build(Plan, rules) : null;
        Cache = new DecisionCache(cacheCapacity);
    }

    public CompiledMatcher Matcher { get; }

    public ImmutableArray<string[]> Rules { get; }

    public IndexPlan Plan { get; }

    public RuleIndex? Index { get; }

    public DecisionCache Cache { get; }

    /// <summary>Whether a request of this context is evaluated by scanning rules (no index applies).</summary>
    public bool Scans => Index is null && Rules.Length > 0 && Matcher.MentionsPolicy;
}
