using System.Text.RegularExpressions;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;
using ConfigResolver.Policy.Functions;
using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary><c>a == b</c> and <c>a != b</c> with reflect.DeepEqual semantics: never an error.</summary>
internal sealed class EqualityExpr(Expr left, Expr right, bool negate) : Expr(Combine(left, right))
{
    public override IEnumerable<Expr> Children => [Left, Right];

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public bool Negate { get; } = negate;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = Left.Evaluate(ref frame);
        var r = Right.Evaluate(ref frame);
        return Value.FromBool(Value.DeepEquals(l, r) != Negate);
    }
}

/// <summary><c>r.X == p.Y</c> with both sides plain tokens: the common case, specialised to one string comparison.</summary>
internal sealed class TokenEqualityExpr(RequestValueExpr request, PolicyValueExpr policy)
    : Expr(ExprTraits.UsesRequest | ExprTraits.UsesPolicy)
{
    public override IEnumerable<Expr> Children => [Request, Policy];

    public RequestValueExpr Request { get; } = request;

    public PolicyValueExpr Policy { get; } = policy;

    public override Value Evaluate(ref EvalFrame frame) =>
        Value.FromBool(frame.Request[Request.Index] is string s && string.Equals(s, frame.Rule[Policy.Index], StringComparison.Ordinal));
}

/// <summary><c>&lt; &lt;= &gt; &gt;=</c>: both numbers or both strings, else an error.</summary>
internal sealed class ComparisonExpr(string op, Expr left, Expr right) : Expr(Combine(left, right) | ExprTraits.MayThrow)
{
    public override IEnumerable<Expr> Children => [left, right];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = left.Evaluate(ref frame);
        var r = right.Evaluate(ref frame);
        int order;
        if (l.Kind == ValueKind.Number && r.Kind == ValueKind.Number)
        {
            if (double.IsNaN(l.Number) || double.IsNaN(r.Number))
            {
                return Value.False;
            }

            order = l.Number.CompareTo(r.Number);
        }
        else if (l.Kind == ValueKind.String && r.Kind == ValueKind.String)
        {
            order = string.CompareOrdinal(l.String, r.String);
        }
        else
        {
            var bad = l.Kind is ValueKind.Number or ValueKind.String ? r : l;
            throw new PolicyEvaluationException($"Value '{bad}' cannot be used with the comparator '{op}', it is not a number");
        }

        return Value.FromBool(op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }
}

/// <summary><c>a in (x, y)</c>: true when <c>a</c> equals an item; the right side must be a list.</summary>
internal sealed class InExpr(Expr left, Expr list) : Expr(Combine(left, list) | (list is ListExpr ? ExprTraits.None : ExprTraits.MayThrow))
{
    public override IEnumerable<Expr> Children => [left, list];

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = left.Evaluate(ref frame);
        var r = list.Evaluate(ref frame);
        switch (r.Kind)
        {
            case ValueKind.List:
                foreach (var item in r.List)
                {
                    if (Value.DeepEquals(l, item))
                    {
                        return Value.True;
                    }
                }

                return Value.False;

            case ValueKind.Object when r.Object is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } json:
                foreach (var item in json.EnumerateArray())
                {
                    if (Value.DeepEquals(l, Value.FromJson(item)))
                    {
                        return Value.True;
                    }
                }

                return Value.False;

            // Lists that come from request objects (a principal's roles, say) are read without copying.
            case ValueKind.Object when r.Object is string[] strings:
                return Value.FromBool(l.Kind == ValueKind.String && Array.IndexOf(strings, l.String) >= 0);
            case ValueKind.Object when r.Object is System.Collections.IEnumerable items && r.Object is not System.Collections.IDictionary:
                foreach (var item in items)
                {
                    if (Value.DeepEquals(l, Value.FromObject(item)))
                    {
                        return Value.True;
                    }
                }

                return Value.False;
            default:
                throw new PolicyEvaluationException($"Value '{r}' cannot be used with the comparator 'in', it is not an array");
        }
    }
}

/// <summary>A list literal <c>('a', 'b')</c> or <c>['a', 'b']</c>.</summary>
internal sealed class ListExpr(Expr[] items) : Expr(Combine(items))
{
    public override IEnumerable<Expr> Children => items;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var values = new Value[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = items[i].Evaluate(ref frame);
        }

        return Value.FromList(values);
    }
}

/// <summary>
/// <c>a =~ b</c> and <c>a !~ b</c>: regular-expression search with Go's regexp, as govaluate does in Go casbin; both sides
/// strings. Patterns run in linear time (<see cref="GoRegex"/>): never on a backtracking engine.
/// </summary>
internal sealed class RegexOperatorExpr(Expr left, Expr right, bool negate) : Expr(Combine(left, right) | ExprTraits.MayThrow)
{
    // Process-wide like the built-in functions' pattern caches (see BuiltInFunctions): a compiled Go regex depends on
    // its text only; at most PatternCacheCapacity entries.
    private static readonly BoundedCache<GoRegex> s_cache = new(BuiltInFunctions.PatternCacheCapacity, GoRegex.Compile);

    public override IEnumerable<Expr> Children => [left, right];

    /// <summary>Compiles a constant pattern once at compile time; null with <paramref name="error"/> when Go would refuse it.</summary>
    public static GoRegex? TryCompile(string pattern, out string? error)
    {
        try
        {
            error = null;
            return s_cache.GetOrAdd(pattern);
        }
        catch (GoRegexSyntaxException e)
        {
            error = e.Message;
            return null;
        }
    }

    public override Value Evaluate(ref EvalFrame frame)
    {
        var l = left.Evaluate(ref frame);
        var r = right.Evaluate(ref frame);
        if (l.Kind != ValueKind.String || r.Kind != ValueKind.String)
        {
            throw new PolicyEvaluationException($"Value '{(l.Kind != ValueKind.String ? l : r)}' cannot be used with the comparator '{(negate ? "!~" : "=~")}', it is not a string");
        }

        var regex = TryCompile(r.String, out var error)
            ?? throw new PolicyEvaluationException($"invalid regular expression '{r.String}': {error}");
        try
        {
            return Value.FromBool(regex.IsMatch(l.String) != negate);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new PolicyEvaluationException($"the regular expression '{r.String}' ran longer than {GoRegex.MatchTimeout.TotalSeconds:0} s and was stopped", e);
        }
    }
}
