namespace ConfigResolver.Access;

/// <summary>
/// Scope patterns as keys carry them: <c>*</c> matches any run of characters (<c>agents:*</c>, <c>*:read</c>, <c>*:*</c>),
/// everything else literally, the same selector language the authorization policies use.
/// </summary>
internal static class ScopePatterns
{
    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="value"/>.</summary>
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.SequenceEqual(value);
        }

        if (!value.StartsWith(pattern[..star]))
        {
            return false;
        }

        value = value[star..];
        pattern = pattern[(star + 1)..];
        while (true)
        {
            star = pattern.IndexOf('*');
            if (star < 0)
            {
                return value.EndsWith(pattern);
            }

            var found = value.IndexOf(pattern[..star]);
            if (found < 0)
            {
                return false;
            }

            value = value[(found + star)..];
            pattern = pattern[(star + 1)..];
        }
    }

    /// <summary>
    /// Whether a set of held patterns covers a requested pattern: some held pattern matches the requested pattern's own
    /// text (so <c>*:*</c> covers <c>agents:*</c>, and <c>*:read</c> does not, because <c>agents:*</c> includes writes).
    /// </summary>
    public static bool Covers(IEnumerable<string> held, string requested) => held.Any(h => Matches(h, requested));

    /// <summary>The declared scopes a pattern matches, in declaration order.</summary>
    public static List<string> Expand(string pattern, IEnumerable<string> declared) => [.. declared.Where(d => Matches(pattern, d))];
}
