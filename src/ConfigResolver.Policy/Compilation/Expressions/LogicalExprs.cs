using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary><c>a &amp;&amp; b</c>: false as soon as <c>a</c> is false; otherwise both must be booleans.</summary>
internal sealed class AndExpr(Expr left, Expr right)
    : Expr(Combine(left, right) | (IsBoolean(left) && IsBoolean(right) ? ExprTraits.None : ExprTraits.MayThrow))
{
    public override IEnumerable<Expr> Children => [Left, Right];

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = Left.Evaluate(ref frame);
        if (l.IsFalse)
        {
            return Value.False;
        }

        var r = Right.Evaluate(ref frame);
        RequireBool(l, "&&");
        RequireBool(r, "&&");
        return Value.FromBool(r.IsTrue);
    }

    internal static bool IsBoolean(Expr e) => e is AndExpr or OrExpr or NotExpr or EqualityExpr or ComparisonExpr or InExpr or RoleExpr
        || (e is ConstantExpr c && c.Value.Kind == ValueKind.Bool);

    internal static void RequireBool(in Value v, string op)
    {
        if (v.Kind != ValueKind.Bool)
        {
            throw new PolicyEvaluationException($"Value '{v}' cannot be used with the logical operator '{op}', it is not a bool");
        }
    }
}

/// <summary><c>a || b</c>: true as soon as <c>a</c> is true; otherwise both must be booleans.</summary>
internal sealed class OrExpr(Expr left, Expr right)
    : Expr(Combine(left, right) | (AndExpr.IsBoolean(left) && AndExpr.IsBoolean(right) ? ExprTraits.None : ExprTraits.MayThrow))
{
    public override IEnumerable<Expr> Children => [Left, Right];

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = Left.Evaluate(ref frame);
        if (l.IsTrue)
        {
            return Value.True;
        }

        var r = Right.Evaluate(ref frame);
        AndExpr.RequireBool(l, "||");
        AndExpr.RequireBool(r, "||");
        return Value.FromBool(r.IsTrue);
    }
}

internal sealed class NotExpr(Expr operand)
    : Expr(operand.Traits | (AndExpr.IsBoolean(operand) ? ExprTraits.None : ExprTraits.MayThrow))
{
    public override IEnumerable<Expr> Children => [operand];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var v = operand.Evaluate(ref frame);
        if (v.Kind != ValueKind.Bool)
        {
            throw new PolicyEvaluationException($"Value '{v}' cannot be used with the prefix '!'");
        }

        return Value.FromBool(!v.IsTrue);
    }
}

/// <summary><c>c ? a : b</c>; the condition must be a boolean.</summary>
internal sealed class TernaryExpr(Expr condition, Expr whenTrue, Expr whenFalse)
    : Expr(Combine(condition, whenTrue, whenFalse) | ExprTraits.MayThrow)
{
    public override IEnumerable<Expr> Children => [condition, whenTrue, whenFalse];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var c = condition.Evaluate(ref frame);
        if (c.Kind != ValueKind.Bool)
        {
            throw new PolicyEvaluationException($"Value '{c}' cannot be used with the ternary operator '?', it is not a bool");
        }

        return c.IsTrue ? whenTrue.Evaluate(ref frame) : whenFalse.Evaluate(ref frame);
    }
}

/// <summary><c>a ?? b</c>: <c>a</c> unless it is nil.</summary>
internal sealed class CoalesceExpr(Expr left, Expr right) : Expr(Combine(left, right))
{
    public override IEnumerable<Expr> Children => [left, right];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = left.Evaluate(ref frame);
        return l.Kind != ValueKind.Null ? l : right.Evaluate(ref frame);
    }
}
