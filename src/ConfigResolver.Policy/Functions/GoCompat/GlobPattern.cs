using System.Buffers;
using System.Collections.Concurrent;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// A glob pattern matched with the semantics of doublestar v4.6.1 <c>Match(pattern, name)</c>:
/// '*' matches a run of non-'/' characters, '**' as a whole segment matches zero or more
/// segments, '?', classes [...] with '!' or '^' negation, {a,b} alternatives (nesting), '\'
/// escapes. A bad pattern is only reported when the match walks into the bad part, exactly as
/// doublestar reports it. Immutable apart from an internal memo; safe for concurrent use.
/// </summary>
internal sealed partial class GlobPattern
{
    private const int MaxMemoEntries = 4096;

    /// <summary>The most brace groups a pattern may hold; each one is a level of recursion while matching.</summary>
    internal const int MaxBraceGroups = 64;

    /// <summary>The most matching steps one call may take: brace alternatives multiply, as in doublestar, so work is capped.</summary>
    internal const int MaxSteps = 1_000_000;

    // Steps of the Match call running on this thread (Match is not reentrant; each call resets it).
    [ThreadStatic]
    private static int t_steps;
    private static readonly SearchValues<char> s_special = SearchValues.Create("*?[{}\\");

    private readonly string _pattern;
    private readonly bool _isLiteral;
    private readonly int _braceGroups;

    // Brace alternatives depend only on the pattern text, so each expansion is computed once per
    // (pattern variant, brace position) and reused; matching then allocates nothing.
    private readonly ConcurrentDictionary<(string Text, int Open, bool ZeroLength), string[]?> _expansions = new();

    public GlobPattern(string pattern)
    {
        _pattern = pattern;
        _isLiteral = !pattern.AsSpan().ContainsAny(s_special);
        _braceGroups = pattern.AsSpan().Count('{');
    }

    /// <summary>Matches <paramref name="name"/>; null means doublestar would return ErrBadPattern.</summary>
    public bool? Match(string name)
    {
        if (_isLiteral)
        {
            // Without metacharacters (a stray "}" makes the pattern invalid) doublestar compares rune by rune.
            return string.Equals(name, _pattern, StringComparison.Ordinal);
        }

        if (_braceGroups > MaxBraceGroups)
        {
            throw new PolicyFunctionException("globMatch", $"the pattern has {_braceGroups} brace groups; at most {MaxBraceGroups} are allowed");
        }

        t_steps = 0;
        return Run(_pattern, name, -1, -1, -1, -1, 0, 0);
    }

    private static void Count()
    {
        if (++t_steps > MaxSteps)
        {
            throw new PolicyFunctionException("globMatch", $"matching the pattern took more than {MaxSteps:N0} steps (brace alternatives multiply); simplify the pattern");
        }
    }

    private bool? Run(string p, string name, int dsPat, int dsName, int starPat, int starName, int patIdx, int nameIdx)
    {
        var startOfSegment = true;
        while (nameIdx < name.Length)
        {
            Count();
            if (patIdx < p.Length)
            {
                var step = Step(p, name, ref patIdx, ref nameIdx, ref startOfSegment, ref dsPat, ref dsName, ref starPat, ref starName);
                if (step == StepResult.Continue)
                {
                    continue;
                }

                if (step != StepResult.Mismatch)
                {
                    return step == StepResult.Matched ? true : step == StepResult.NoMatch ? false : null;
                }
            }

            if (starPat >= 0)
            {
                // '*' takes one more rune, unless that rune is a separator.
                var (rune, length) = GlobSyntax.Decode(name, starName);
                if (rune != '/')
                {
                    starName += length;
                    patIdx = starPat;
                    nameIdx = starName;
                    startOfSegment = false;
                    continue;
                }
            }

            if (dsPat >= 0 && AdvancePastSeparator(name, ref dsName))
            {
                // '**/' takes one more whole segment.
                nameIdx = dsName;
                patIdx = dsPat;
                startOfSegment = true;
                continue;
            }

            return patIdx < p.Length && !GlobSyntax.IsValid(p, patIdx) ? null : false;
        }

        return IsZeroLength(p, patIdx);
    }

    private static bool AdvancePastSeparator(string name, ref int index)
    {
        for (var i = index; i < name.Length;)
        {
            var (rune, length) = GlobSyntax.Decode(name, i);
            i += length;
            if (rune == '/')
            {
                index = i;
                return true;
            }
        }

        return false;
    }

    /// <summary>At the end of the name: does the rest of the pattern match the empty string.</summary>
    private bool? IsZeroLength(string p, int start)
    {
        var rest = p.AsSpan(start);
        if (rest is "" or "*" or "**" or "/**" or "**/" or "/**/")
        {
            return true;
        }

        if (rest[0] == '{')
        {
            var alternatives = Expand(p, start, zeroLength: true);
            if (alternatives is null)
            {
                return null;
            }

            foreach (var alternative in alternatives)
            {
                var result = IsZeroLength(alternative, 0);
                if (result != false)
                {
                    return result;
                }
            }

            return false;
        }

        return GlobSyntax.IsValid(p, start) ? false : null;
    }

    private string[]? Expand(string p, int open, bool zeroLength)
    {
        var key = (p, open, zeroLength);
        if (_expansions.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var expanded = GlobSyntax.ExpandBraces(p, open, keepPrefix: !zeroLength);
        if (_expansions.Count < MaxMemoEntries)
        {
            _expansions.TryAdd(key, expanded);
        }

        return expanded;
    }
}
