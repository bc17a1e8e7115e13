using System.Collections.Frozen;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// The functions a matcher expression may call, by name. Immutable: <see cref="With(FunctionDescriptor)"/>
/// returns a new registry. <see cref="Default"/> holds Casbin's built-ins.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Like Go's casbin FunctionMap (which adds with LoadOrStore), adding a
/// name that is already registered keeps the existing function: a caller cannot replace keyMatch.
/// </remarks>
public sealed class FunctionRegistry
{
    private readonly FrozenDictionary<string, FunctionDescriptor> _functions;

    private FunctionRegistry(FrozenDictionary<string, FunctionDescriptor> functions)
    {
        _functions = functions;
    }

    /// <summary>
    /// The built-ins: keyMatch, keyGet, keyMatch2, keyGet2, keyMatch3, keyGet3, keyMatch4, keyMatch5,
    /// regexMatch, ipMatch, globMatch, and timeMatch on the system clock. (Go's casbin registers
    /// timeMatch as a link-condition function rather than a matcher function; it is offered here too.)
    /// </summary>
    public static FunctionRegistry Default { get; } = CreateDefault(TimeProvider.System);

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _functions.Keys;

    /// <summary>Creates the built-in registry with timeMatch reading <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock for timeMatch.</param>
    /// <returns>A registry holding the built-ins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public static FunctionRegistry CreateDefault(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        FunctionDescriptor[] builtIns =
        [
            Match("keyMatch", BuiltInFunctions.KeyMatch, BuiltInFunctions.PrepareKeyMatch),
            FunctionDescriptor.ForStrings("keyGet", 2, a => BuiltInFunctions.KeyGet(a[0], a[1])),
            Match("keyMatch2", BuiltInFunctions.KeyMatch2, BuiltInFunctions.PrepareKeyMatch2),
            FunctionDescriptor.ForStrings("keyGet2", 3, a => BuiltInFunctions.KeyGet2(a[0], a[1], a[2])),
            Match("keyMatch3", BuiltInFunctions.KeyMatch3, BuiltInFunctions.PrepareKeyMatch3),
            FunctionDescriptor.ForStrings("keyGet3", 3, a => BuiltInFunctions.KeyGet3(a[0], a[1], a[2])),
            Match("keyMatch4", BuiltInFunctions.KeyMatch4, BuiltInFunctions.PrepareKeyMatch4),
            Match("keyMatch5", BuiltInFunctions.KeyMatch5, BuiltInFunctions.PrepareKeyMatch5),
            Match("regexMatch", BuiltInFunctions.RegexMatch, BuiltInFunctions.PrepareRegexMatch),
            Match("ipMatch", BuiltInFunctions.IpMatch, BuiltInFunctions.PrepareIpMatch),
            Match("globMatch", BuiltInFunctions.GlobMatch, BuiltInFunctions.PrepareGlobMatch),
            FunctionDescriptor.ForMatch("timeMatch", (start, end) => BuiltInFunctions.TimeMatch(start, end, timeProvider)),
        ];
        return new FunctionRegistry(builtIns.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal));
    }

    /// <summary>Looks a function up by name (case-sensitive).</summary>
    /// <param name="name">The function name.</param>
    /// <param name="function">The descriptor, or null when absent.</param>
    /// <returns>True when the name is registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGet(string name, out FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _functions.TryGetValue(name, out function!);
    }

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>True when registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _functions.ContainsKey(name);
    }

    /// <summary>Returns a registry that also holds <paramref name="function"/>; an existing function of that name is kept (Go's LoadOrStore).</summary>
    /// <param name="function">The function to add.</param>
    /// <returns>A new registry, or this one when the name is already taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public FunctionRegistry With(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (_functions.ContainsKey(function.Name))
        {
            return this;
        }

        var copy = new Dictionary<string, FunctionDescriptor>(_functions, StringComparer.Ordinal) { [function.Name] = function };
        return new FunctionRegistry(copy.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Adds a function taking any number of arguments (Casbin's AddFunction); see <see cref="With(FunctionDescriptor)"/>.</summary>
    /// <param name="name">The name used in matcher expressions.</param>
    /// <param name="function">The function over the evaluated arguments.</param>
    /// <returns>A new registry, or this one when the name is already taken.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FunctionRegistry With(string name, Func<object?[], object?> function) =>
        With(new FunctionDescriptor(name, arity: null, function));

    /// <summary>Adds a (string, string) → bool function with a typed fast path; see <see cref="With(FunctionDescriptor)"/>.</summary>
    /// <param name="name">The name used in matcher expressions.</param>
    /// <param name="function">The function taking (key, pattern).</param>
    /// <returns>A new registry, or this one when the name is already taken.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FunctionRegistry With(string name, Func<string, string, bool> function) =>
        With(FunctionDescriptor.ForMatch(name, function));

    // The prepare hook must not fail earlier than Go would: Go reports a bad pattern only when the
    // call is evaluated, with its own argument-checking order. So a pattern that fails to prepare
    // falls back to the plain form, which throws at each call exactly as Go panics.
    private static FunctionDescriptor Match(string name, Func<string, string, bool> match, Func<string, Func<string, bool>> prepare) =>
        FunctionDescriptor.ForMatch(name, match, pattern =>
        {
            try
            {
                return prepare(pattern);
            }
            catch (PolicyFunctionException)
            {
                return key => match(key, pattern);
            }
        });
}
