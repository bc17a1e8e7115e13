using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation;

/// <summary>A function over matcher values (see <see cref="FunctionBinding.OnValues"/>).</summary>
/// <param name="arguments">The evaluated arguments.</param>
/// <returns>The result.</returns>
internal delegate Value ValueFunction(ReadOnlySpan<Value> arguments);


/// <summary>
/// How a matcher calls a function: a general form over CLR values, and optionally a typed form for two strings
/// returning a boolean (the shape of every Casbin matching function), which is what the hot path calls.
/// </summary>
internal sealed class FunctionBinding
{
    public FunctionBinding(string name, int minArguments, int maxArguments, Func<object?[], object?> invoke, Func<string, string, bool>? stringPredicate, bool mayThrow, bool deterministic = true)
    {
        Deterministic = deterministic;
        Name = name;
        MinArguments = minArguments;
        MaxArguments = maxArguments;
        Invoke = invoke;
        StringPredicate = stringPredicate;
        MayThrow = mayThrow;
    }

    public string Name { get; }

    public int MinArguments { get; }

    /// <summary>Largest accepted argument count; <see cref="int.MaxValue"/> for variadic functions.</summary>
    public int MaxArguments { get; }

    public Func<object?[], object?> Invoke { get; }

    public Func<string, string, bool>? StringPredicate { get; }

    /// <summary>
    /// For a function that reads the clock (timeMatch): the same test at a given instant, used when the evaluation
    /// carries one (<see cref="Evaluation.EvalFrame.Now"/>), so an explanation sees the instant its decision saw.
    /// </summary>
    public Func<string, string, DateTimeOffset, bool>? PredicateAt { get; init; }

    /// <summary>
    /// A form over matcher values for functions that walk values rather than convert them (lookup): called with the
    /// arguments in a stack buffer, so a call allocates nothing.
    /// </summary>
    public ValueFunction? OnValues { get; init; }

    /// <summary>Whether the same arguments always give the same result (so decisions using it may be cached).</summary>
    public bool Deterministic { get; }

    /// <summary>Whether the function can fail for string arguments (a bad pattern, a non-IP value, ...).</summary>
    public bool MayThrow { get; }
}
