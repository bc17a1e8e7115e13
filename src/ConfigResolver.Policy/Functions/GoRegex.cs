using System.Text.RegularExpressions;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A Go (RE2) regular expression compiled to a .NET <see cref="Regex"/> with the same matches.
/// Immutable and safe for concurrent use.
/// </summary>
/// <remarks>
/// Uses <see cref="RegexOptions.NonBacktracking"/> (linear time, like RE2) whenever .NET accepts
/// the translated pattern; only patterns with Go's ASCII \b or \B, which need look-arounds, or
/// that exceed the non-backtracking engine's size limit use the backtracking engine.
/// </remarks>
internal sealed class GoRegex
{
    private GoRegex(string pattern, Regex regex, int captureCount)
    {
        Pattern = pattern;
        Regex = regex;
        CaptureCount = captureCount;
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
        var translated = GoRegexEmitter.Emit(root, out var needsLookaround);
        const RegexOptions Common = RegexOptions.CultureInvariant;
        if (!needsLookaround)
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
        var match = Regex.Match(input);
        if (!match.Success)
        {
            return null;
        }

        var values = new string[CaptureCount + 1];
        for (var i = 0; i <= CaptureCount; i++)
        {
            values[i] = match.Groups[i].Value;
        }

        return values;
    }
}
