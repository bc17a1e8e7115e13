namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// A rule selector (<c>agents:*</c>, <c>*:read</c>, <c>provider/*</c>): <c>*</c> matches any run of characters, any
/// other character only itself. Deliberately simpler than the condition language's <c>globMatch</c>, so an admin
/// can read a selector at a glance; conditions are there for anything finer.
/// </summary>
/// <remarks>Immutable; matching allocates nothing.</remarks>
internal sealed class SelectorGlob
{
    private readonly string[] _parts;

    public SelectorGlob(string pattern)
    {
        Pattern = pattern;
        _parts = pattern.Split('*');
    }

    public string Pattern { get; }

    public bool HasWildcard => _parts.Length > 1;

    public bool Matches(string value)
    {
        if (_parts.Length == 1)
        {
            return string.Equals(value, Pattern, StringComparison.Ordinal);
        }

        var first = _parts[0];
        var last = _parts[^1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.Ordinal)
            || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            var found = value.AsSpan(position, end - position).IndexOf(part.AsSpan(), StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position += found + part.Length;
        }

        return true;
    }

    /// <summary>
    /// Whether every value this selector matches is also matched by <paramref name="other"/>: equal patterns, or a
    /// selector without wildcards that <paramref name="other"/> matches. Conservative: <c>a*</c> is not proved to be
    /// covered by <c>*</c>-free patterns, only by an equal or a matching one.
    /// </summary>
    public bool IsCoveredBy(SelectorGlob other) =>
        string.Equals(Pattern, other.Pattern, StringComparison.Ordinal)
        || (!HasWildcard && other.Matches(Pattern))
        || other.Pattern == "*"
        || (other._parts.Length == 2 && other._parts[1].Length == 0 && Pattern.StartsWith(other._parts[0], StringComparison.Ordinal));
}
