using System.Text.RegularExpressions;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// A Go (RE2) regular expression with Go's matches, matched in time linear in the input whatever the pattern.
/// Immutable and safe for concurrent use.
/// </summary>
/// <remarks>
/// Whether there is a match is decided by .NET's <see cref="RegexOptions.NonBacktracking"/> engine (an automaton, like
/// RE2) whenever it can run the translated pattern exactly. Where it cannot — Go's ASCII <c>\b</c>/<c>\B</c>, which
/// .NET would express with look-arounds, and patterns with so many character partitions that .NET's automaton misses a
/// match before a final "\n" — the pattern runs on <see cref="GoRegexMachine"/>, a Pike VM over the same parse tree.
/// Submatches always come from the Pike VM: it reports Go's leftmost-first groups, which .NET's automaton does not
/// always do, and the backtracking engine could take exponential time. No pattern ever runs on a backtracking engine.
/// Both engines stop after <see cref="MatchTimeout"/> as a second line of defence (a <see cref="RegexMatchTimeoutException"/>).
/// </remarks>
internal sealed class GoRegex
{
    /// <summary>How long one match may run before it is abandoned; linear time makes this unreachable for sane inputs.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private const int MaxNonBacktrackingBoundaries = 200;

    private readonly Regex? _automaton;
    private readonly Lazy<GoRegexProgram> _program;

    private GoRegex(string pattern, Regex? automaton, GoRegexNode root, int captureCount)
    {
        Pattern = pattern;
        _automaton = automaton;
        CaptureCount = captureCount;
        _program = new Lazy<GoRegexProgram>(() => GoRegexProgram.Compile(root), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The Go pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Number of capturing groups, numbered left to right by opening parenthesis as in Go.</summary>
    public int CaptureCount { get; }

    /// <summary>Whether matches are decided by .NET's non-backtracking engine (else by the Pike VM).</summary>
    public bool UsesAutomaton => _automaton is not null;

    /// <summary>Compiles a Go pattern; throws <see cref="GoRegexSyntaxException"/> where Go's regexp.Compile fails.</summary>
    public static GoRegex Compile(string pattern)
    {
        var (root, captureCount) = GoRegexParser.Parse(pattern);
        var translated = GoRegexEmitter.Emit(root, out var needsLookaround, out var setBoundaries);

        // .NET's non-backtracking engine misses a match ending at a final "\n" once a pattern
        // needs about 256 character partitions (seen on .NET 10 with many two-character
        // alternatives, as \P{L} produces); stay well below that and use the Pike VM beyond.
        Regex? automaton = null;
        if (!needsLookaround && setBoundaries <= MaxNonBacktrackingBoundaries)
        {
            try
            {
                automaton = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
            }
            catch (NotSupportedException)
            {
                // Too large for the automaton engine; the Pike VM gives the same matches.
            }
        }

        return new GoRegex(pattern, automaton, root, captureCount);
    }

    /// <summary>Go's MatchString: is there a match anywhere in <paramref name="input"/>.</summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than <see cref="MatchTimeout"/>.</exception>
    public bool IsMatch(string input) =>
        _automaton?.IsMatch(input) ?? GoRegexMachine.IsMatch(_program.Value, input, MatchTimeout);

    /// <summary>Go's MatchString over a span.</summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than <see cref="MatchTimeout"/>.</exception>
    public bool IsMatch(ReadOnlySpan<char> input) =>
        _automaton?.IsMatch(input) ?? GoRegexMachine.IsMatch(_program.Value, input.ToString(), MatchTimeout);

    /// <summary>Go's FindStringSubmatch: the leftmost match and its groups ("" for a group that did not take part), or null.</summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than <see cref="MatchTimeout"/>.</exception>
    public string[]? FindSubmatch(string input)
    {
        if (_automaton is not null && !_automaton.IsMatch(input))
        {
            return null;
        }

        var slots = GoRegexMachine.Find(_program.Value, input, MatchTimeout);
        if (slots is null)
        {
            return null;
        }

        var values = new string[CaptureCount + 1];
        for (var i = 0; i <= CaptureCount; i++)
        {
            var (start, end) = (slots[2 * i], slots[(2 * i) + 1]);
            values[i] = start >= 0 && end >= start ? input[start..end] : string.Empty;
        }

        return values;
    }
}
