using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Functions;

/// <summary>regexMatch.</summary>
public static partial class BuiltInFunctions
{
    private static readonly BoundedCache<GoRegex> s_regexCache = new(PatternCacheCapacity, pattern => CompileGo("regexMatch", pattern));

    /// <summary>
    /// Go's RegexMatch: whether the Go (RE2) regular expression <paramref name="key2"/> matches
    /// anywhere in <paramref name="key1"/> (an unanchored search; anchor with ^ and $ for a full match).
    /// </summary>
    /// <remarks>
    /// The pattern is read with Go's syntax and meaning and run on a .NET regex with the same
    /// matches: \d, \w, \s and \b are ASCII-only, "$" matches only at the very end, "." and negated
    /// classes consume a whole supplementary character, (?U) swaps greediness, and constructs RE2
    /// lacks (look-arounds, backreferences, possessive quantifiers) are rejected as Go rejects them.
    /// </remarks>
    /// <param name="key1">The text to search.</param>
    /// <param name="key2">The Go regular expression.</param>
    /// <returns>Whether there is a match.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException"><paramref name="key2"/> is not a valid Go regular expression.</exception>
    public static bool RegexMatch(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return s_regexCache.GetOrAdd(key2).IsMatch(key1);
    }

    /// <summary>Prepares <see cref="RegexMatch"/> for a fixed pattern.</summary>
    /// <param name="pattern">The Go regular expression (second argument of regexMatch).</param>
    /// <returns>A matcher taking the text to search.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="PolicyFunctionException"><paramref name="pattern"/> is not a valid Go regular expression.</exception>
    public static Func<string, bool> PrepareRegexMatch(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return CompileGo("regexMatch", pattern).IsMatch;
    }
}
