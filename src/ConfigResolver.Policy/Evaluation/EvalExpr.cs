using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// <c>eval(p.sub_rule)</c>: evaluates an expression stored in a policy field. Each distinct text is compiled
/// once (per compiled matcher) and reused; the result is evaluated against the same request and rule.
/// </summary>
internal sealed class EvalExpr(Expr argument, EvalRuleCache cache)
    : Expr(argument.Traits | ExprTraits.MayThrow | ExprTraits.UsesEval | ExprTraits.UsesRequest)
{
    public Expr Argument { get; } = argument;

    public EvalRuleCache Cache { get; } = cache;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var text = Argument.Evaluate(ref frame);
        if (text.Kind != ValueKind.String)
        {
            throw new PolicyEvaluationException("argument of eval(subrule string) must be a string");
        }

        return Cache.Get(text.String).Evaluate(ref frame);
    }
}
