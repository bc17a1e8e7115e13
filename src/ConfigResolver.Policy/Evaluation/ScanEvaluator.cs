using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// The reference evaluation: every rule in order, exactly as Go casbin's enforce loop, stopping where Go's
/// effect merge stops (so a rule Go never reaches cannot raise an error here either). The indexed path must
/// always agree with it; tests compare the two.
/// </summary>
internal static class ScanEvaluator
{
    private static readonly string[] s_noRule = [];

    /// <summary>Decides a request. Returns the decision and the index of the deciding rule, or -1.</summary>
    public static (bool Allowed, int RuleIndex) Evaluate(CompiledMatcher matcher, ReadOnlySpan<string[]> rules, ReadOnlySpan<object?> request, EvaluationServices services)
    {
        if (rules.Length == 0 || !matcher.MentionsPolicy)
        {
            return EvaluateWithoutRules(matcher, rules.Length, request, services);
        }

        var frame = new EvalFrame(request, s_noRule, services);
        var merge = new EffectMerge(matcher.Effect.Kind);
        for (var i = 0; i < rules.Length; i++)
        {
            frame.Rule = rules[i];
            if (IsMatch(matcher.Root.Evaluate(ref frame)) && merge.Offer(i, EffectOf(matcher, rules[i]), out var allowed))
            {
                return (allowed, i);
            }
        }

        return merge.Finish();
    }

    /// <summary>Go evaluates the matcher once, with every policy field empty, when there are no rules or the matcher ignores them.</summary>
    private static (bool Allowed, int RuleIndex) EvaluateWithoutRules(CompiledMatcher matcher, int ruleCount, ReadOnlySpan<object?> request, EvaluationServices services)
    {
        if (matcher.HasEval && ruleCount == 0)
        {
            throw new PolicyEvaluationException("please make sure rule exists in policy when using eval() in matcher");
        }

        var frame = new EvalFrame(request, EmptyRow(matcher.Policy.Tokens.Length), services);
        var result = matcher.Root.Evaluate(ref frame);

        // Only a boolean true counts here (a number does not), and the single pseudo-rule always "matches".
        var allowed = result.IsTrue;
        return matcher.Effect.Kind == EffectKind.DenyOverride ? (true, -1) : (allowed, -1);
    }

    public static bool IsMatch(in Value result) => result.Kind switch
    {
        ValueKind.Bool => result.IsTrue,
        ValueKind.Number => result.Number != 0,
        _ => throw new PolicyEvaluationException("matcher result should be bool, int or float"),
    };

    public static RuleEffect EffectOf(CompiledMatcher matcher, string[] rule)
    {
        if (matcher.EftIndex < 0)
        {
            return RuleEffect.Allow;
        }

        var eft = rule[matcher.EftIndex];
        return eft switch
        {
            "allow" => RuleEffect.Allow,
            "deny" => RuleEffect.Deny,
            _ => RuleEffect.Indeterminate,
        };
    }

    private static readonly string[][] s_emptyRows = [.. Enumerable.Range(0, 16).Select(static n => Enumerable.Repeat(string.Empty, n).ToArray())];

    private static string[] EmptyRow(int length) => length < s_emptyRows.Length ? s_emptyRows[length] : Enumerable.Repeat(string.Empty, length).ToArray();
}
