using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// What linear-time matching costs on ordinary inputs (issue 9): the backtracking engine the code used before (baseline)
/// against .NET's automaton (<see cref="GoRegex"/> IsMatch), the Pike VM that now runs Go's <c>\b</c> patterns, and the
/// Pike VM that now produces every submatch (keyGet2/keyGet3, keyMatch4).
/// </summary>
[MemoryDiagnoser]
public class RegexEngineBenchmarks
{
    private const string Path = "/api/v2/users/4711/posts/abc-42/comments";
    private const string Pattern = "^/api/v2/users/([^/]+)/posts/([^/]+)/comments$";
    private const string WordText = "grant read access to the reporting service account";
    private const string WordPattern = "\\bservice\\b";

    private readonly Regex _backtracking = new("\\A/api/v2/users/([^/]+)/posts/([^/]+)/comments\\z", RegexOptions.CultureInvariant);
    private readonly Regex _backtrackingWord = new("(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))service(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))", RegexOptions.CultureInvariant);
    private GoRegex _go = null!;
    private GoRegex _goWord = null!;

    [GlobalSetup]
    public void Setup()
    {
        _go = GoRegex.Compile(Pattern);
        _goWord = GoRegex.Compile(WordPattern);
        if (!_go.UsesAutomaton || _goWord.UsesAutomaton || _go.FindSubmatch(Path)![2] != "abc-42" || !_goWord.IsMatch(WordText))
        {
            throw new InvalidOperationException("The benchmark's patterns do not take the paths they are meant to measure.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool IsMatch_Backtracking() => _backtracking.IsMatch(Path);

    [Benchmark]
    public bool IsMatch_Automaton() => _go.IsMatch(Path);

    [Benchmark]
    public bool WordBoundary_Backtracking() => _backtrackingWord.IsMatch(WordText);

    [Benchmark]
    public bool WordBoundary_PikeVm() => _goWord.IsMatch(WordText);

    [Benchmark]
    public string Submatch_Backtracking() => _backtracking.Match(Path).Groups[2].Value;

    [Benchmark]
    public string? Submatch_PikeVm() => _go.FindSubmatch(Path)?[2];
}
