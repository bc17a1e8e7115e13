using System.Collections.Immutable;
using ConfigResolver.Policy.Compilation.Expressions;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Conditions;

/// <summary>A compiled condition: evaluates to true or false over variable values, or throws <see cref="PolicyEvaluationException"/>.</summary>
/// <remarks>Immutable; safe for concurrent use.</remarks>
public sealed class CompiledCondition
{
    private readonly Expr _root;
    private readonly EvaluationServices _services;
    private readonly ImmutableArray<bool> _reads;

    internal CompiledCondition(string text, Expr root, ImmutableArray<ConditionVariable> variables, EvaluationServices services)
    {
        Text = text;
        _root = root;
        _services = services;
        var used = new HashSet<int>();
        Collect(root, used);
        _reads = [.. variables.Select((_, i) => used.Contains(i))];
        Variables = variables;
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>The variables the condition was compiled over.</summary>
    public ImmutableArray<ConditionVariable> Variables { get; }

    /// <summary>The text constants the condition compares with or passes on ('suspended', 'provider'), each once.</summary>
    internal IEnumerable<string> StringConstants =>
        _root.DescendantsAndSelf().OfType<ConstantExpr>().Where(static c => c.Value.Kind == ValueKind.String).Select(static c => c.Value.String).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the same variable values always give the same result (no clock, no eval()).</summary>
    public bool IsDeterministic => !_root.Has(ExprTraits.Volatile);

    /// <summary>Whether the condition reads a variable, or a field of it passed as a variable of its own (<c>org.status</c> for <c>org</c>).</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>Whether it is read.</returns>
    public bool Reads(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < Variables.Length; i++)
        {
            var variable = Variables[i].Name;
            if (_reads[i] && (variable == name || (variable.StartsWith(name, StringComparison.Ordinal) && variable.Length > name.Length && variable[name.Length] == '.')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the condition reads the variable at <paramref name="index"/> itself (its value is needed to evaluate it).</summary>
    /// <param name="index">The variable's position in <see cref="Variables"/>.</param>
    /// <returns>Whether it is read.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a variable's position.</exception>
    public bool ReadsVariable(int index) => _reads[index];

    /// <summary>Evaluates the condition; functions that read the clock (<c>timeMatch</c>) read it.</summary>
    /// <param name="values">One value per variable, in <see cref="Variables"/> order.</param>
    /// <returns>The boolean result.</returns>
    /// <exception cref="PolicyEvaluationException">A field is missing at run time, a function rejects its input, or the result is not a boolean.</exception>
    public bool Evaluate(ReadOnlySpan<object?> values) => Evaluate(values, now: null);

    /// <summary>Evaluates the condition at a given instant: functions that read the clock (<c>timeMatch</c>) use <paramref name="now"/> instead.</summary>
    /// <param name="values">One value per variable, in <see cref="Variables"/> order.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The boolean result.</returns>
    /// <exception cref="PolicyEvaluationException">A field is missing at run time, a function rejects its input, or the result is not a boolean.</exception>
    public bool Evaluate(ReadOnlySpan<object?> values, DateTimeOffset now) => Evaluate(values, (DateTimeOffset?)now);

    private bool Evaluate(ReadOnlySpan<object?> values, DateTimeOffset? now)
    {
        if (values.Length != Variables.Length)
        {
            throw new ArgumentException($"Expected {Variables.Length} values, one per variable; got {values.Length}.", nameof(values));
        }

        var frame = new EvalFrame(values, [], _services) { Now = now };
        var result = _root.Evaluate(ref frame);
        return result.Kind == ValueKind.Bool
            ? result.IsTrue
            : throw new PolicyEvaluationException($"condition '{Text}' evaluated to '{result}', not to true or false");
    }

    private static void Collect(Expr expr, HashSet<int> used)
    {
        // Variables are read through RequestValueExpr nodes; walk the tree once to list them.
        foreach (var node in expr.DescendantsAndSelf())
        {
            if (node is RequestValueExpr r)
            {
                used.Add(r.Index);
            }
        }
    }
}
