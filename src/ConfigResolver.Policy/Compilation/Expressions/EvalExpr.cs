using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary>
/// <c>eval(p.sub_rule)</c>: evaluates an expression stored in a policy field. Each distinct text is compiled
/// once (per compiled matcher) and reused; the result is evaluated against the same request and rule.
/// </summary>
internal sealed class EvalExpr(Expr argument, EvalRuleCache cache)
    : Expr(argument.Traits | ExprTraits.MayThrow | ExprTraits.UsesEval | ExprTraits.UsesRequest | ExprTraits.Volatile)
{
    public override IEnumerable<Expr> Children => [Argument];

    // The text most recently seen: policy texts are shared string instances, so consecutive rules hit by reference.
    // Written by any thread; a reader sees some complete recent pair, which is all it needs.
    private LastRule? _last;

    public Expr Argument { get; } = argument;

    public EvalRuleCache Cache { get; } = cache;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var text = Argument.Evaluate(ref frame);
        if (text.Kind != ValueKind.String)
        {
            throw new PolicyEvaluationException("argument of eval(subrule string) must be a string");
        }

        var rule = _last is { } last && ReferenceEquals(last.Text, text.String) ? last.Compiled : Remember(text.String);
        if (rule.Has(ExprTraits.UsesPolicy) || rule.Has(ExprTraits.UsesEval))
        {
            return rule.Evaluate(ref frame);
        }

        // A rule that reads only the request has one value per call, however many policy rules carry its text.
        if (ReferenceEquals(frame.Memo0, rule))
        {
            return frame.MemoValue0;
        }

        if (ReferenceEquals(frame.Memo1, rule))
        {
            return frame.MemoValue1;
        }

        var value = rule.Evaluate(ref frame);
        (frame.Memo1, frame.MemoValue1) = (frame.Memo0, frame.MemoValue0);
        (frame.Memo0, frame.MemoValue0) = (rule, value);
        return value;
    }

    private Expr Remember(string text)
    {
        var compiled = Cache.Get(text);
        _last = new LastRule(text, compiled);
        return compiled;
    }

    private sealed record LastRule(string Text, Expr Compiled);
}
