using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Functions;

/// <summary>globMatch.</summary>
public static partial class BuiltInFunctions
{
    private const string BadGlobPattern = "syntax error in pattern";

    private static readonly BoundedCache<GlobPattern> s_globCache = new(PatternCacheCapacity, pattern => new GlobPattern(pattern));

    /// <summary>
    /// Go's GlobMatch, i.e. doublestar v4 <c>Match(key2, key1)</c>: whether the whole of
    /// <paramref name="key1"/> matches the glob <paramref name="key2"/>. '*' matches any run of
    /// characters other than '/', including none; '**' as a whole path segment matches zero or more
    /// segments; '?' one character other than '/'; [abc], [a-z], [!x] or [^x] one character;
    /// {a,b} any alternative (alternatives nest); '\' escapes the next character. A leading dot is
    /// not special and slashes are not normalised: "/*/foo/*" matches "//foo/".
    /// </summary>
    /// <param name="key1">The name to test, e.g. a path.</param>
    /// <param name="key2">The glob pattern.</param>
    /// <returns>Whether the name matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The pattern is malformed (doublestar's ErrBadPattern, e.g. an unclosed '['). Like doublestar, this is only detected when matching reaches the malformed part.</exception>
    public static bool GlobMatch(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return s_globCache.GetOrAdd(key2).Match(key1) ?? throw new PolicyFunctionException("globMatch", BadGlobPattern);
    }

    /// <summary>Prepares <see cref="GlobMatch"/> for a fixed pattern.</summary>
    /// <param name="pattern">The glob pattern (second argument of globMatch).</param>
    /// <returns>A matcher taking the name; it throws <see cref="PolicyFunctionException"/> where doublestar reports ErrBadPattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static Func<string, bool> PrepareGlobMatch(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var glob = new GlobPattern(pattern);
        return name => glob.Match(name) ?? throw new PolicyFunctionException("globMatch", BadGlobPattern);
    }
}
