using System.Collections.Frozen;
using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// Casbin's built-in matcher functions with the exact behaviour of Go's casbin
/// (util/builtin_operators.go): keyMatch..keyMatch5, keyGet..keyGet3, regexMatch, globMatch
/// (doublestar v4 semantics), ipMatch and timeMatch.
/// </summary>
/// <remarks>
/// <para>Each function has a plain form taking the key and the pattern, and, where the pattern is
/// usually constant per policy rule, a <c>Prepare…</c> form that compiles the pattern once and
/// returns a reusable matcher that does no parsing and no regex construction per call.</para>
/// <para>The plain forms look prepared matchers up in bounded, thread-safe caches keyed by pattern,
/// so repeated patterns are compiled once and memory stays bounded however many distinct patterns
/// arrive.</para>
/// <para>Where Go panics or returns an error (invalid regex or glob, a key that is not an IP
/// address, an unparsable time) these methods throw <see cref="PolicyFunctionException"/>.</para>
/// <para>All members are safe for concurrent use.</para>
/// </remarks>
public static partial class BuiltInFunctions
{
    // Process-wide on purpose: these caches hold only pure functions of the pattern text (a compiled keyMatch2 route,
    // a Go regex, a glob, a CIDR), the same for every enforcer, model and snapshot, so sharing them is always correct
    // and a policy reload does not recompile the patterns it kept. Each cache is a BoundedCache of at most
    // PatternCacheCapacity entries (cleared when full), so hostile or ever-changing pattern texts cannot grow memory.
    // Matchers whose patterns come from the policy compile them once per snapshot instead (the compiler's constant
    // folding); these caches serve patterns that arrive in requests or through the public static methods.
    /// <summary>How many compiled patterns each plain-form cache keeps at most.</summary>
    public const int PatternCacheCapacity = 1024;

    private static readonly FrozenDictionary<string, Func<string, string, bool>> s_matchingFunctions =
        new Dictionary<string, Func<string, string, bool>>(StringComparer.Ordinal)
        {
            ["keyMatch"] = KeyMatch,
            ["keyMatch2"] = KeyMatch2,
            ["keyMatch3"] = KeyMatch3,
            ["keyMatch4"] = KeyMatch4,
            ["keyMatch5"] = KeyMatch5,
            ["regexMatch"] = RegexMatch,
            ["globMatch"] = GlobMatch,
            ["ipMatch"] = IpMatch,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Gets a two-argument matching function by its Casbin name, for role-name and domain matching
    /// (Casbin's AddNamedMatchingFunc / AddNamedDomainMatchingFunc).
    /// </summary>
    /// <param name="name">One of keyMatch, keyMatch2, keyMatch3, keyMatch4, keyMatch5, regexMatch, globMatch, ipMatch (case-sensitive).</param>
    /// <param name="function">The function taking (name, pattern), or null when <paramref name="name"/> is unknown.</param>
    /// <returns>True when <paramref name="name"/> names a matching function.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static bool TryGetMatchingFunction(string name, out Func<string, string, bool> function)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_matchingFunctions.TryGetValue(name, out function!);
    }

    /// <summary>The names <see cref="TryGetMatchingFunction"/> accepts.</summary>
    public static IReadOnlyCollection<string> MatchingFunctionNames => s_matchingFunctions.Keys;

    /// <summary>Total entries currently held by the plain-form pattern caches (for diagnostics and tests).</summary>
    internal static int CachedPatternCount =>
        s_keyMatch2Cache.Count + s_keyMatch3Cache.Count + s_keyMatch4Cache.Count + s_keyMatch5Cache.Count
        + s_regexCache.Count + s_keyGet2Cache.Count + s_keyGet3Cache.Count + s_globCache.Count + s_ipCache.Count;

    /// <summary>Entries currently held by the keyMatch2 cache.</summary>
    internal static int CachedKeyMatch2Count => s_keyMatch2Cache.Count;

    private static GoRegex CompileGo(string functionName, string goPattern)
    {
        try
        {
            return GoRegex.Compile(goPattern);
        }
        catch (GoRegexSyntaxException ex)
        {
            throw new PolicyFunctionException(functionName, "regexp: Compile(`" + goPattern + "`): " + ex.Message, ex);
        }
    }
}
