namespace ConfigResolver.Policy.Evaluation;

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

    /// <summary>Whether the same arguments always give the same result (so decisions using it may be cached).</summary>
    public bool Deterministic { get; }

    /// <summary>Whether the function can fail for string arguments (a bad pattern, a non-IP value, ...).</summary>
    public bool MayThrow { get; }
}
