using System.Text.RegularExpressions;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A Go (RE2) regular expression compiled to a .NET <see cref="Regex"/> with the same matches.
/// Immutable and safe for concurrent use.
/// </summary>
/// <remarks>
/// Uses <see cref="RegexOptions.NonBacktracking"/> (linear time, like RE2) to decide whether there
/// is a match whenever .NET accepts the translated pattern; only patterns with Go's ASCII \b or \B,
/// which need look-arounds, or that exceed the non-backtracking engine's size limit use the
/// backtracking engine. Capture groups are always read with the backtracking engine, and only
/// after a match is known to exist: Go reports the submatches a backtracking engine would choose,
/// and .NET's non-backtracking engine reports wrong groups in some cases (for example an empty
/// group for ^(.+)$ on "a\n" when the pattern ends in \z).
/// </remarks>
internal sealed class GoRegex
{
    private const int MaxNonBacktrackingBoundaries = 200;

    private readonly Lazy<Regex> _capturing;

    private GoRegex(string pattern, Regex regex, int captureCount)
    {
        Pattern = pattern;
        Regex = regex;
        CaptureCount = captureCount;
        _capturing = (regex.Options & RegexOptions.NonBacktracking) == 0
            ? new Lazy<Regex>(regex)
            : new Lazy<Regex>(() => new Regex(regex.ToString(), regex.Options & ~RegexOptions.NonBacktracking), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The Go pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The translated .NET regex.</summary>
    public Regex Regex { get; }

    /// <summary>Number of capturing groups, numbered left to right by opening parenthesis as in Go.</summary>
    public int CaptureCount { get; }

    /// <summary>Compiles a Go pattern; throws <see cref="GoRegexSyntaxException"/> where Go's regexp.Compile fails.</summary>
    public static GoRegex Compile(string pattern)
    {
        var (root, captureCount) = GoRegexParser.Parse(pattern);
        var translated = GoRegexEmitter.Emit(root, out var needsLookaround, out var setBoundaries);
        const RegexOptions Common = RegexOptions.CultureInvariant;

        // .NET's non-backtracking engine misses a match ending at a final "\n" once a pattern
        // needs about 256 character partitions (seen on .NET 10 with many two-character
        // alternatives, as \P{L} produces); stay well below that and use backtracking beyond.
        if (!needsLookaround && setBoundaries <= MaxNonBacktrackingBoundaries)
        {
            try
            {
                return new GoRegex(pattern, new Regex(translated, Common | RegexOptions.NonBacktracking), captureCount);
            }
            catch (NotSupportedException)
            {
                // Too large for the automaton engine; the backtracking engine gives the same matches.
            }
        }

        return new GoRegex(pattern, new Regex(translated, Common), captureCount);
    }

    /// <summary>Go's MatchString: is there a match anywhere in <paramref name="input"/>.</summary>
    public bool IsMatch(string input) => Regex.IsMatch(input);

    /// <summary>Go's FindStringSubmatch: the leftmost match and its groups ("" for a group that did not take part), or null.</summary>
    public string[]? FindSubmatch(string input)
    {
        if (!Regex.IsMatch(input))
        {
            return null;
        }

        var match = _capturing.Value.Match(input);

        var values = new string[CaptureCount + 1];
        for (var i = 0; i <= CaptureCount; i++)
        {
            values[i] = match.Groups[i].Value;
        }

        return values;
    }
}
