using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary>A call to a built-in or caller-registered function.</summary>
internal sealed class CallExpr(FunctionBinding binding, Expr[] arguments)
    : Expr(Combine(arguments) | (binding.MayThrow ? ExprTraits.MayThrow : ExprTraits.None) | (binding.Deterministic ? ExprTraits.None : ExprTraits.Volatile))
{
    public override IEnumerable<Expr> Children => Arguments;

    public FunctionBinding Binding { get; } = binding;

    public Expr[] Arguments { get; } = arguments;

    public override Value Evaluate(ref EvalFrame frame)
    {
        if (Binding.StringPredicate is { } predicate && Arguments.Length == 2)
        {
            var a = Arguments[0].Evaluate(ref frame);
            var b = Arguments[1].Evaluate(ref frame);
            if (a.Kind == ValueKind.String && b.Kind == ValueKind.String)
            {
                return Value.FromBool(frame.Now is { } now && Binding.PredicateAt is { } at
                    ? InvokeAt(at, a.String, b.String, now)
                    : Invoke(predicate, a.String, b.String));
            }

            return Generic([a.ToObject(), b.ToObject()]);
        }

        if (Binding.OnValues is { } onValues && Arguments.Length <= ArgumentBuffer.Length)
        {
            var buffer = default(ArgumentBuffer);
            Span<Value> values = buffer;
            for (var i = 0; i < Arguments.Length; i++)
            {
                values[i] = Arguments[i].Evaluate(ref frame);
            }

            return OnValues(onValues, values[..Arguments.Length]);
        }

        var args = new object?[Arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i].Evaluate(ref frame).ToObject();
        }

        return Generic(args);
    }

    private bool Invoke(Func<string, string, bool> predicate, string a, string b)
    {
        try
        {
            return predicate(a, b);
        }
        catch (Exception e) when (e is not PolicyEvaluationException)
        {
            throw new PolicyEvaluationException(Prefixed(e.Message), e);
        }
    }

    private bool InvokeAt(Func<string, string, DateTimeOffset, bool> predicate, string a, string b, DateTimeOffset now)
    {
        try
        {
            return predicate(a, b, now);
        }
        catch (Exception e) when (e is not PolicyEvaluationException)
        {
            throw new PolicyEvaluationException(Prefixed(e.Message), e);
        }
    }

    private Value OnValues(ValueFunction function, ReadOnlySpan<Value> values)
    {
        try
        {
            return function(values);
        }
        catch (Exception e) when (e is not PolicyEvaluationException)
        {
            throw new PolicyEvaluationException(Prefixed(e.Message), e);
        }
    }

    private string Prefixed(string message) =>
        message.StartsWith(Binding.Name + ":", StringComparison.OrdinalIgnoreCase) ? message : $"{Binding.Name}: {message}";

    private Value Generic(object?[] args)
    {
        try
        {
            return Value.FromObject(Binding.Invoke(args));
        }
        catch (Exception e) when (e is not PolicyEvaluationException)
        {
            throw new PolicyEvaluationException(Prefixed(e.Message), e);
        }
    }
}

/// <summary>Arguments of a value-form call, on the stack (calls with more arguments take the general form).</summary>
[System.Runtime.CompilerServices.InlineArray(Length)]
internal struct ArgumentBuffer
{
    public const int Length = 8;

    private Value _first;
}

/// <summary>
/// A role function <c>g(a, b)</c> or <c>g(a, b, domain)</c>: true when <c>a</c> has role <c>b</c> (directly, through
/// the hierarchy or through a matching pattern). Arguments must be strings, as in Go casbin.
/// </summary>
internal sealed class RoleExpr(int roleIndex, string name, Expr[] arguments) : Expr(Combine(arguments) | ExprTraits.UsesRoles)
{
    public override IEnumerable<Expr> Children => Arguments;

    public int RoleIndex { get; } = roleIndex;

    public string Name { get; } = name;

    public Expr[] Arguments { get; } = arguments;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var user = RequireString(Arguments[0].Evaluate(ref frame));
        var role = RequireString(Arguments[1].Evaluate(ref frame));
        var domain = Arguments.Length > 2 ? RequireString(Arguments[2].Evaluate(ref frame)) : null;
        return Value.FromBool(frame.Services.RoleManagers[RoleIndex].HasLink(user, role, domain));
    }

    private string RequireString(in Value v) => v.Kind == ValueKind.String
        ? v.String
        : throw new PolicyEvaluationException($"{Name}() expects string arguments; found '{v}'");
}
