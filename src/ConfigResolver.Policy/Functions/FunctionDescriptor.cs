namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A function callable from a matcher expression: its name, how many arguments it takes, a general
/// invoker, and optional typed fast paths the matcher compiler can bind to directly.
/// </summary>
/// <remarks>Immutable and safe for concurrent use if the supplied delegates are.</remarks>
public sealed class FunctionDescriptor
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="name">The name used in matcher expressions (case-sensitive).</param>
    /// <param name="arity">The exact number of arguments, or null for any number.</param>
    /// <param name="invoke">The general invoker: takes the evaluated arguments, returns the result.</param>
    /// <param name="match">Optional fast path for a (string, string) → bool call; must agree with <paramref name="invoke"/>.</param>
    /// <param name="prepare">Optional hook that, given a constant second argument, returns a matcher of the first; must agree with <paramref name="match"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="invoke"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, <paramref name="arity"/> is negative, or a fast path is given for an arity other than 2.</exception>
    public FunctionDescriptor(
        string name,
        int? arity,
        Func<object?[], object?> invoke,
        Func<string, string, bool>? match = null,
        Func<string, Func<string, bool>>? prepare = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(invoke);
        if (arity < 0)
        {
            throw new ArgumentException("Arity must be zero or more, or null for any number of arguments.", nameof(arity));
        }

        if ((match is not null || prepare is not null) && arity != 2)
        {
            throw new ArgumentException("Typed fast paths describe two-argument functions; arity must be 2.", nameof(arity));
        }

        Name = name;
        Arity = arity;
        Invoke = invoke;
        Match = match;
        Prepare = prepare;
    }

    /// <summary>The name used in matcher expressions.</summary>
    public string Name { get; }

    /// <summary>The exact number of arguments, or null when the function takes any number.</summary>
    public int? Arity { get; }

    /// <summary>The general invoker. Built-ins validate arguments like Go's wrappers and throw <see cref="PolicyFunctionException"/>.</summary>
    public Func<object?[], object?> Invoke { get; }

    /// <summary>Typed fast path for two string arguments, or null.</summary>
    public Func<string, string, bool>? Match { get; }

    /// <summary>Given a constant second argument, returns a matcher for the first; null when not offered.</summary>
    public Func<string, Func<string, bool>>? Prepare { get; }

    /// <summary>
    /// Describes a two-string-argument boolean function. The invoker checks the arguments the way
    /// Go's casbin wrappers do ("NAME: expected 2 arguments, but got N", "NAME: argument must be a string").
    /// </summary>
    /// <param name="name">The name used in matcher expressions.</param>
    /// <param name="match">The function taking (key, pattern).</param>
    /// <param name="prepare">Optional pattern preparation hook.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="match"/> is null.</exception>
    public static FunctionDescriptor ForMatch(string name, Func<string, string, bool> match, Func<string, Func<string, bool>>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new FunctionDescriptor(
            name,
            2,
            args =>
            {
                var strings = StringArguments(name, 2, args);
                return match(strings[0], strings[1]) ? s_true : s_false;
            },
            match,
            prepare);
    }

    /// <summary>Describes a function of <paramref name="arity"/> string arguments returning a string.</summary>
    /// <param name="name">The name used in matcher expressions.</param>
    /// <param name="arity">The exact number of arguments.</param>
    /// <param name="function">The function.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="function"/> is null.</exception>
    public static FunctionDescriptor ForStrings(string name, int arity, Func<string[], string> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new FunctionDescriptor(name, arity, args => function(StringArguments(name, arity, args)));
    }

    /// <summary>Go's validateVariadicArgs: the count first, then every argument must be a string.</summary>
    internal static string[] StringArguments(string name, int expected, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != expected)
        {
            throw new PolicyFunctionException(name, $"expected {expected} arguments, but got {args.Length}");
        }

        var strings = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            strings[i] = args[i] as string ?? throw new PolicyFunctionException(name, "argument must be a string");
        }

        return strings;
    }
}
