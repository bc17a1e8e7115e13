using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Compilation;

/// <summary>The functions every matcher may call: the built-ins of <see cref="FunctionRegistry"/>, bound for the compiler.</summary>
internal static class BuiltInFunctionTable
{
    // keyMatch and keyGet only compare strings; every other built-in builds a pattern that can be invalid or
    // rejects its input, so it may raise an error (and must not be skipped by an index, see IndexPlan).
    private static readonly HashSet<string> s_neverThrow = new(StringComparer.Ordinal) { "keyMatch", "keyGet" };

    // timeMatch reads the clock: decisions that use it are never cached.
    private static readonly HashSet<string> s_volatile = new(StringComparer.Ordinal) { "timeMatch" };

    public static FunctionTable Instance { get; } = Create(TimeProvider.System);

    public static FunctionTable Create(TimeProvider timeProvider)
    {
        var registry = FunctionRegistry.CreateDefault(timeProvider);
        return new FunctionTable(registry.Names.Select(name =>
        {
            registry.TryGet(name, out var f);
            return new FunctionBinding(
                f.Name,
                f.Arity ?? 0,
                f.Arity ?? int.MaxValue,
                f.Invoke,
                f.Match,
                mayThrow: !s_neverThrow.Contains(f.Name),
                deterministic: !s_volatile.Contains(f.Name))
            {
                PredicateAt = f.Name == "timeMatch" ? BuiltInFunctions.TimeMatchAt : null,
            };
        }));
    }
}
