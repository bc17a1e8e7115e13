using ConfigResolver.Policy.Evaluation;
using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Compilation;

/// <summary>The functions every matcher may call, bound to <see cref="BuiltInFunctions"/>.</summary>
internal static class BuiltInFunctionTable
{
    public static FunctionTable Instance { get; } = Create(TimeProvider.System);

    public static FunctionTable Create(TimeProvider timeProvider) => new(
    [
        // keyMatch and keyGet only compare strings; the others build patterns that can be invalid, or reject their input.
        Predicate("keyMatch", BuiltInFunctions.KeyMatch, mayThrow: false),
        Predicate("keyMatch2", BuiltInFunctions.KeyMatch2),
        Predicate("keyMatch3", BuiltInFunctions.KeyMatch3),
        Predicate("keyMatch4", BuiltInFunctions.KeyMatch4),
        Predicate("keyMatch5", BuiltInFunctions.KeyMatch5),
        Predicate("regexMatch", BuiltInFunctions.RegexMatch),
        Predicate("globMatch", BuiltInFunctions.GlobMatch),
        Predicate("ipMatch", BuiltInFunctions.IpMatch),
        Predicate("timeMatch", (start, end) => BuiltInFunctions.TimeMatch(start, end, timeProvider)),
        new FunctionBinding("keyGet", 2, 2, static a => BuiltInFunctions.KeyGet(Str(a, 0), Str(a, 1)), null, mayThrow: false),
        new FunctionBinding("keyGet2", 3, 3, static a => BuiltInFunctions.KeyGet2(Str(a, 0), Str(a, 1), Str(a, 2)), null, mayThrow: true),
        new FunctionBinding("keyGet3", 3, 3, static a => BuiltInFunctions.KeyGet3(Str(a, 0), Str(a, 1), Str(a, 2)), null, mayThrow: true),
    ]);

    private static FunctionBinding Predicate(string name, Func<string, string, bool> fn, bool mayThrow = true) =>
        new(name, 2, 2, a => fn(Str(a, 0), Str(a, 1)), fn, mayThrow);

    // Go's functions assert string arguments; anything else is an error there too.
    private static string Str(object?[] args, int index) =>
        args[index] as string ?? throw new ArgumentException($"argument {index + 1} must be a string; found '{args[index] ?? "nil"}'.");
}
