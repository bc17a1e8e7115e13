using System.Runtime.InteropServices;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Decides a request whose values are all strings through the context's <see cref="RuleIndex"/>: leading
/// request-only terms once; the candidate rules from one index probe (or the role closure); each candidate kept
/// when its role column is in the user's role closure and its residual terms hold, in ascending rule order
/// through Go's effect merge. Gives the same answers, explanations and errors as <see cref="ScanEvaluator"/>.
/// </summary>
internal static class IndexedEvaluator
{
    // Per thread, not per snapshot: the candidate list is scratch space of one TryEvaluate call (filled, read and
    // cleared before it returns; taken off the thread while in use, so a nested call gets its own). A snapshot is
    // shared by every thread, so it could not hold this buffer without locking; per thread keeps a miss
    // allocation-free. Bounded by the largest candidate set one request produced on this thread, at most the
    // snapshot's rule count.
    [ThreadStatic]
    private static List<int>? t_candidates;

    /// <summary>Returns false when the request must be scanned instead (a leading term is not a boolean: Go's error path).</summary>
    public static bool TryEvaluate(ContextState state, ReadOnlySpan<object?> request, EvaluationServices services, out (bool Allowed, int RuleIndex) result)
    {
        var matcher = state.Matcher;
        var plan = state.Plan;
        var frame = new EvalFrame(request, [], services);
        var merge = new EffectMerge(matcher.Effect.Kind);
        foreach (var term in plan.Prefix)
        {
            var value = term.Evaluate(ref frame);
            if (value.Kind != ValueKind.Bool)
            {
                result = default;
                return false;
            }

            if (!value.IsTrue)
            {
                result = merge.Finish();
                return true;
            }
        }

        string[]? closure = null;
        string? user = null;
        if (plan.Role is { } role)
        {
            user = (string)request[role.UserRequestIndex]!;
            var domain = role.DomainRequestIndex >= 0 ? (string)request[role.DomainRequestIndex]! : role.DomainConstant;
            closure = services.RoleManagers[role.RoleIndex].ClosureOf(user, domain);
        }

        var index = state.Index!;
        List<int>? pooled = null;
        ReadOnlySpan<int> candidates;
        if (index.ByRole)
        {
            pooled = t_candidates ?? [];
            t_candidates = null;
            AddRange(pooled, index.FindByRole(user!));
            foreach (var name in closure!)
            {
                AddRange(pooled, index.FindByRole(name));
            }

            // A rule has one role value and closure names are distinct: no duplicates, only the order to restore.
            pooled.Sort();
            candidates = CollectionsMarshal.AsSpan(pooled);
        }
        else
        {
            candidates = index.Find(plan, request) ?? [];
        }

        try
        {
            var rules = index.Rules;
            var roleColumn = plan.Role?.PolicyIndex ?? -1;
            foreach (var i in candidates)
            {
                var rule = rules[i]!;
                if (roleColumn >= 0 && !index.ByRole && !InClosure(user!, closure!, rule[roleColumn]))
                {
                    continue;
                }

                frame.Rule = rule;
                if (ResidualHolds(plan, matcher, ref frame) && merge.Offer(i, ScanEvaluator.EffectOf(matcher, rule), out var allowed))
                {
                    result = (allowed, i);
                    return true;
                }
            }

            result = merge.Finish();
            return true;
        }
        finally
        {
            if (pooled is not null)
            {
                pooled.Clear();
                t_candidates = pooled;
            }
        }
    }

    private static bool InClosure(string user, string[] closure, string role) =>
        string.Equals(user, role, StringComparison.Ordinal) || RoleManager.Contains(closure, role);

    /// <summary>The residual terms in matcher order, with the conjunction's type rules (each term must be a boolean).</summary>
    private static bool ResidualHolds(IndexPlan plan, CompiledMatcher matcher, ref EvalFrame frame)
    {
        if (plan.SingleTerm)
        {
            return plan.Residual.IsEmpty || ScanEvaluator.IsMatch(matcher.Root.Evaluate(ref frame));
        }

        foreach (var term in plan.Residual)
        {
            var value = term.Evaluate(ref frame);
            if (value.Kind != ValueKind.Bool)
            {
                throw new PolicyEvaluationException($"Value '{value}' cannot be used with the logical operator '&&', it is not a bool");
            }

            if (!value.IsTrue)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddRange(List<int> into, int[]? rules)
    {
        if (rules is not null)
        {
            into.AddRange(rules);
        }
    }
}
