namespace ConfigResolver.Policy.Functions;

/// <summary>keyMatch, keyGet, keyMatch2, keyMatch3 and keyMatch5.</summary>
public static partial class BuiltInFunctions
{
    private static readonly BoundedCache<Func<string, bool>> s_keyMatch2Cache = new(PatternCacheCapacity, PrepareKeyMatch2);
    private static readonly BoundedCache<Func<string, bool>> s_keyMatch3Cache = new(PatternCacheCapacity, PrepareKeyMatch3);
    private static readonly BoundedCache<Func<string, bool>> s_keyMatch5Cache = new(PatternCacheCapacity, PrepareKeyMatch5);

    /// <summary>
    /// Go's KeyMatch: without a '*' the key must equal the pattern; otherwise the key must start
    /// with the part of the pattern before the first '*' (everything after that '*' is ignored).
    /// "/foo/bar" matches "/foo/*"; "/foo" does not match "/foo/*".
    /// </summary>
    /// <param name="key1">The request value, e.g. a path.</param>
    /// <param name="key2">The pattern.</param>
    /// <returns>Whether <paramref name="key1"/> matches <paramref name="key2"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool KeyMatch(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        var star = key2.IndexOf('*', StringComparison.Ordinal);
        return star < 0
            ? string.Equals(key1, key2, StringComparison.Ordinal)
            : key1.AsSpan().StartsWith(key2.AsSpan(0, star), StringComparison.Ordinal);
    }

    /// <summary>Prepares <see cref="KeyMatch"/> for a fixed pattern.</summary>
    /// <param name="pattern">The pattern (the second argument of keyMatch).</param>
    /// <returns>A matcher taking the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static Func<string, bool> PrepareKeyMatch(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return key => string.Equals(key, pattern, StringComparison.Ordinal);
        }

        var prefix = pattern[..star];
        return key => key.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Go's KeyGet: when <paramref name="key2"/> has a '*' and <paramref name="key1"/> is longer than
    /// the text before it and starts with that text, returns the rest of <paramref name="key1"/>;
    /// otherwise "". keyGet("/foo/bar", "/foo/*") is "bar"; keyGet("/foo/", "/foo/*") is "".
    /// </summary>
    /// <param name="key1">The request value.</param>
    /// <param name="key2">The pattern.</param>
    /// <returns>The part of <paramref name="key1"/> matched by the '*', or "".</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string KeyGet(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        var star = key2.IndexOf('*', StringComparison.Ordinal);
        return star >= 0 && key1.Length > star && key1.AsSpan().StartsWith(key2.AsSpan(0, star), StringComparison.Ordinal)
            ? key1[star..]
            : string.Empty;
    }

    /// <summary>Prepares <see cref="KeyGet"/> for a fixed pattern.</summary>
    /// <param name="pattern">The pattern (the second argument of keyGet).</param>
    /// <returns>A function taking the key and returning the matched part or "".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static Func<string, string> PrepareKeyGet(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return static _ => string.Empty;
        }

        var prefix = pattern[..star];

        // Go compares lengths in bytes and slices at the same byte offset; for well-formed text
        // "longer than the prefix and starting with it" is the same test on UTF-16.
        return key => key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)
            ? key[prefix.Length..]
            : string.Empty;
    }

    /// <summary>
    /// Go's KeyMatch2: the pattern becomes the Go regex ^pattern$ after "/*" turns into "/.*" and
    /// every ":name" (to the end of its segment) into "[^/]+". Other regex metacharacters keep their
    /// Go meaning, so a lone "*" pattern matches any key and "/foo*" matches "/fo" and "/foooo".
    /// </summary>
    /// <param name="key1">The request path.</param>
    /// <param name="key2">The pattern, e.g. "/resource/:id".</param>
    /// <returns>Whether the key matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid (Go panics).</exception>
    public static bool KeyMatch2(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return s_keyMatch2Cache.GetOrAdd(key2)(key1);
    }

    /// <summary>Prepares <see cref="KeyMatch2"/> for a fixed pattern.</summary>
    /// <param name="pattern">The pattern (the second argument of keyMatch2).</param>
    /// <returns>A matcher taking the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid.</exception>
    public static Func<string, bool> PrepareKeyMatch2(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var body = KeyPatterns.ReplaceColonParameters(KeyPatterns.ExpandSlashStar(pattern), "[^/]+");
        return SimpleKeyPattern.TryCreate(body) is { } simple ? simple.IsMatch : CompileGo("keyMatch2", "^" + body + "$").IsMatch;
    }

    /// <summary>
    /// Go's KeyMatch3: like <see cref="KeyMatch2"/> with "{name}" parameters instead of ":name"
    /// (a '{', at least one character, and the last '}' before the next '/').
    /// </summary>
    /// <param name="key1">The request path.</param>
    /// <param name="key2">The pattern, e.g. "/resource/{id}".</param>
    /// <returns>Whether the key matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid (Go panics).</exception>
    public static bool KeyMatch3(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return s_keyMatch3Cache.GetOrAdd(key2)(key1);
    }

    /// <summary>Prepares <see cref="KeyMatch3"/> for a fixed pattern.</summary>
    /// <param name="pattern">The pattern (the second argument of keyMatch3).</param>
    /// <returns>A matcher taking the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid.</exception>
    public static Func<string, bool> PrepareKeyMatch3(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var body = KeyPatterns.ReplaceBraceParameters(KeyPatterns.ExpandSlashStar(pattern), "[^/]+", lazy: false);
        return SimpleKeyPattern.TryCreate(body) is { } simple ? simple.IsMatch : CompileGo("keyMatch3", "^" + body + "$").IsMatch;
    }

    /// <summary>
    /// Go's KeyMatch5: <see cref="KeyMatch3"/> after dropping everything from the first '?' of the
    /// key, so "/foo/bar?status=1" matches "/foo/bar".
    /// </summary>
    /// <param name="key1">The request path, possibly with a query string.</param>
    /// <param name="key2">The pattern, e.g. "/resource/{id}".</param>
    /// <returns>Whether the key matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid (Go panics).</exception>
    public static bool KeyMatch5(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return s_keyMatch5Cache.GetOrAdd(key2)(key1);
    }

    /// <summary>Prepares <see cref="KeyMatch5"/> for a fixed pattern.</summary>
    /// <param name="pattern">The pattern (the second argument of keyMatch5).</param>
    /// <returns>A matcher taking the key; it allocates only when the key has a query string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid.</exception>
    public static Func<string, bool> PrepareKeyMatch5(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var body = KeyPatterns.ReplaceBraceParameters(KeyPatterns.ExpandSlashStar(pattern), "[^/]+", lazy: false);
        if (SimpleKeyPattern.TryCreate(body) is { } simple)
        {
            return key => simple.IsMatch(WithoutQuery(key));
        }

        var regex = CompileGo("keyMatch5", "^" + body + "$");
        return key => regex.IsMatch(WithoutQuery(key));
    }

    private static ReadOnlySpan<char> WithoutQuery(string key)
    {
        var query = key.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? key : key.AsSpan(0, query);
    }
}
