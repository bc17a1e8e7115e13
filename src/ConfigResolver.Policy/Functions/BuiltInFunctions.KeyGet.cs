namespace ConfigResolver.Policy.Functions;

/// <summary>keyGet2, keyGet3 and keyMatch4: the functions that read capture groups.</summary>
public static partial class BuiltInFunctions
{
    private static readonly BoundedCache<KeyCapturePattern> s_keyGet2Cache = new(PatternCacheCapacity, pattern => KeyCapturePattern.ForColon("keyGet2", pattern));
    private static readonly BoundedCache<KeyCapturePattern> s_keyGet3Cache = new(PatternCacheCapacity, pattern => KeyCapturePattern.ForBraces("keyGet3", pattern, lazy: true));
    private static readonly BoundedCache<Func<string, bool>> s_keyMatch4Cache = new(PatternCacheCapacity, PrepareKeyMatch4);

    /// <summary>
    /// Go's KeyGet2: matches the key against the <see cref="KeyMatch2"/> regex of
    /// <paramref name="key2"/> (with each ":name" captured) and returns the value of the parameter
    /// named <paramref name="pathVar"/>, or "" when the key does not match or there is no such name.
    /// keyGet2("/resource1", "/:resource", "resource") is "resource1".
    /// </summary>
    /// <param name="key1">The request path.</param>
    /// <param name="key2">The pattern, e.g. "/:id/using/:resId".</param>
    /// <param name="pathVar">The parameter name without the colon.</param>
    /// <returns>The captured value or "".</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid, or its groups do not line up with the parameters (Go panics).</exception>
    public static string KeyGet2(string key1, string key2, string pathVar)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        ArgumentNullException.ThrowIfNull(pathVar);
        return s_keyGet2Cache.GetOrAdd(key2).Get(key1, pathVar);
    }

    /// <summary>Prepares <see cref="KeyGet2"/> for a fixed pattern and parameter name.</summary>
    /// <param name="pattern">The pattern (second argument of keyGet2).</param>
    /// <param name="pathVar">The parameter name (third argument).</param>
    /// <returns>A function taking the key and returning the captured value or "".</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid.</exception>
    public static Func<string, string> PrepareKeyGet2(string pattern, string pathVar)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(pathVar);
        return KeyCapturePattern.ForColon("keyGet2", pattern).Prepare(pathVar);
    }

    /// <summary>
    /// Go's KeyGet3: like <see cref="KeyGet2"/> for "{name}" parameters, each captured lazily, so
    /// several parameters may share a segment: keyGet3("/api/g1_admin", "/api/{g}_{role}", "g") is "g1".
    /// </summary>
    /// <param name="key1">The request path.</param>
    /// <param name="key2">The pattern, e.g. "/api/{proj}_admin/info".</param>
    /// <param name="pathVar">The parameter name without braces.</param>
    /// <returns>The captured value or "".</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid, or its groups do not line up with the parameters (Go panics).</exception>
    public static string KeyGet3(string key1, string key2, string pathVar)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        ArgumentNullException.ThrowIfNull(pathVar);
        return s_keyGet3Cache.GetOrAdd(key2).Get(key1, pathVar);
    }

    /// <summary>Prepares <see cref="KeyGet3"/> for a fixed pattern and parameter name.</summary>
    /// <param name="pattern">The pattern (second argument of keyGet3).</param>
    /// <param name="pathVar">The parameter name (third argument).</param>
    /// <returns>A function taking the key and returning the captured value or "".</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid.</exception>
    public static Func<string, string> PrepareKeyGet3(string pattern, string pathVar)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(pathVar);
        return KeyCapturePattern.ForBraces("keyGet3", pattern, lazy: true).Prepare(pathVar);
    }

    /// <summary>
    /// Go's KeyMatch4: <see cref="KeyMatch3"/> where parameters that share a name must capture the
    /// same text: "/parent/123/child/123" matches "/parent/{id}/child/{id}", "/parent/123/child/456"
    /// does not.
    /// </summary>
    /// <param name="key1">The request path.</param>
    /// <param name="key2">The pattern.</param>
    /// <returns>Whether the key matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid, or it matched with more groups than parameters (Go panics).</exception>
    public static bool KeyMatch4(string key1, string key2)
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return s_keyMatch4Cache.GetOrAdd(key2)(key1);
    }

    /// <summary>Prepares <see cref="KeyMatch4"/> for a fixed pattern.</summary>
    /// <param name="pattern">The pattern (second argument of keyMatch4).</param>
    /// <returns>A matcher taking the key; allocation-free unless a parameter name repeats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="PolicyFunctionException">The derived regex is invalid.</exception>
    public static Func<string, bool> PrepareKeyMatch4(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var names = new List<string>();
        var body = KeyPatterns.ReplaceBraceParameters(KeyPatterns.ExpandSlashStar(pattern), "[^/]+", lazy: false, names);
        var distinct = names.Distinct(StringComparer.Ordinal).Count() == names.Count;
        if (distinct && SimpleKeyPattern.TryCreate(body) is { } simple)
        {
            // Distinct names and no other groups: only whether the key matches counts.
            return simple.IsMatch;
        }

        var capture = KeyCapturePattern.ForBraces("keyMatch4", pattern, lazy: false);
        var regex = capture.Regex;
        if (distinct && names.Count == regex.CaptureCount)
        {
            return regex.IsMatch;
        }

        return key =>
        {
            var values = regex.FindSubmatch(key);
            if (values is null)
            {
                return false;
            }

            if (names.Count != regex.CaptureCount)
            {
                throw new PolicyFunctionException("keyMatch4", "KeyMatch4: number of tokens is not equal to number of values");
            }

            // Go keeps the first value seen for each name and requires every later one to equal it.
            for (var i = 0; i < names.Count; i++)
            {
                var first = names.IndexOf(names[i]);
                if (!string.Equals(values[first + 1], values[i + 1], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        };
    }
}
