using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation.Expressions;

internal sealed class ConstantExpr(Value value) : Expr(ExprTraits.None)
{
    public Value Value { get; } = value;

    public override Value Evaluate(ref EvalFrame frame) => Value;
}

/// <summary>A request token such as <c>r.sub</c>.</summary>
internal sealed class RequestValueExpr(int index, string name) : Expr(ExprTraits.UsesRequest)
{
    public int Index { get; } = index;

    /// <summary>Casbin's parameter name, e.g. <c>r_sub</c>, used in messages.</summary>
    public string Name { get; } = name;

    public override Value Evaluate(ref EvalFrame frame) =>
        frame.Request[Index] is string s ? Value.FromString(s) : Value.FromObject(frame.Request[Index]);
}

/// <summary>A policy token such as <c>p.obj</c>.</summary>
internal sealed class PolicyValueExpr(int index, string name) : Expr(ExprTraits.UsesPolicy)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromString(frame.Rule[Index]);
}

/// <summary>Attribute access such as <c>r.obj.Owner</c>: a field of a struct or a key of a map, else an error.</summary>
internal sealed class MemberExpr(Expr target, string member, string parameterName)
    : Expr(target.Traits | ExprTraits.MayThrow)
{
    public override IEnumerable<Expr> Children => [target];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var value = target.Evaluate(ref frame);
        if (AttributeReader.TryRead(value, member, out var result))
        {
            return result;
        }

        throw new PolicyEvaluationException($"No method or field '{member}' present on parameter '{parameterName}'");
    }
}
