using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary>
/// <c>+ - * / % ** &amp; | ^ &lt;&lt; &gt;&gt;</c>: numbers (float64), except that <c>+</c> concatenates when either
/// side is a string, as govaluate does.
/// </summary>
internal sealed class ArithmeticExpr(string op, Expr left, Expr right) : Expr(Combine(left, right) | ExprTraits.MayThrow)
{
    public override IEnumerable<Expr> Children => [left, right];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = left.Evaluate(ref frame);
        var r = right.Evaluate(ref frame);
        if (op == "+" && (l.Kind == ValueKind.String || r.Kind == ValueKind.String))
        {
            return Value.FromString(string.Concat(l.ToString(), r.ToString()));
        }

        if (l.Kind != ValueKind.Number || r.Kind != ValueKind.Number)
        {
            var bad = l.Kind != ValueKind.Number ? l : r;
            throw new PolicyEvaluationException($"Value '{bad}' cannot be used with the modifier '{op}', it is not a number");
        }

        double a = l.Number, b = r.Number;
        return Value.FromNumber(op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            "%" => a % b,
            "**" => Math.Pow(a, b),
            "&" => (long)a & (long)b,
            "|" => (long)a | (long)b,
            "^" => (long)a ^ (long)b,
            "<<" => (long)a << (int)(long)b,
            _ => (long)a >> (int)(long)b,
        });
    }
}

/// <summary>Prefix <c>-</c> and <c>~</c> on numbers.</summary>
internal sealed class NegateExpr(Expr operand, bool bitwise) : Expr(operand.Traits | ExprTraits.MayThrow)
{
    public override IEnumerable<Expr> Children => [operand];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var v = operand.Evaluate(ref frame);
        if (v.Kind != ValueKind.Number)
        {
            throw new PolicyEvaluationException($"Value '{v}' cannot be used with the prefix '{(bitwise ? "~" : "-")}'");
        }

        return Value.FromNumber(bitwise ? ~(long)v.Number : -v.Number);
    }
}
