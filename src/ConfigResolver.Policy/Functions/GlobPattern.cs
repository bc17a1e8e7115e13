using System.Buffers;
using System.Collections.Concurrent;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A glob pattern matched with the semantics of doublestar v4.6.1 <c>Match(pattern, name)</c>:
/// '*' matches a run of non-'/' characters, '**' as a whole segment matches zero or more
/// segments, '?', classes [...] with '!' or '^' negation, {a,b} alternatives (nesting), '\'
/// escapes. A bad pattern is only reported when the match walks into the bad part, exactly as
/// doublestar reports it. Immutable apart from an internal memo; safe for concurrent use.
/// </summary>
internal sealed class GlobPattern
{
    private const int MaxMemoEntries = 4096;
    private static readonly SearchValues<char> s_special = SearchValues.Create("*?[{\\");

    private readonly string _pattern;
    private readonly bool _isLiteral;

    // Brace alternatives depend only on the pattern text, so each expansion is computed once per
    // (pattern variant, brace position) and reused; matching then allocates nothing.
    private readonly ConcurrentDictionary<(string Text, int Open, bool ZeroLength), string[]?> _expansions = new();

    public GlobPattern(string pattern)
    {
        _pattern = pattern;
        _isLiteral = !pattern.AsSpan().ContainsAny(s_special);
    }

    /// <summary>Matches <paramref name="name"/>; null means doublestar would return ErrBadPattern.</summary>
    public bool? Match(string name)
    {
        if (_isLiteral)
        {
            // Without metacharacters doublestar compares rune by rune: plain equality.
            return string.Equals(name, _pattern, StringComparison.Ordinal);
        }

        return Run(_pattern, name, -1, -1, -1, -1, 0, 0);
    }

    private bool? Run(string p, string name, int dsPat, int dsName, int starPat, int starName, int patIdx, int nameIdx)
    {
        var startOfSegment = true;
        while (nameIdx < name.Length)
        {
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

    private StepResult Step(
        string p, string name, ref int patIdx, ref int nameIdx, ref bool startOfSegment,
        ref int dsPat, ref int dsName, ref int starPat, ref int starName)
    {
        switch (p[patIdx])
        {
            case '*':
                patIdx++;
                if (patIdx < p.Length && p[patIdx] == '*')
                {
                    patIdx++;
                    if (startOfSegment)
                    {
                        if (patIdx >= p.Length)
                        {
                            // A trailing "/**" (or a whole "**") matches everything left.
                            return StepResult.Matched;
                        }

                        var (next, nextLength) = GlobSyntax.Decode(p, patIdx);
                        if (next == '/')
                        {
                            patIdx += nextLength;
                            dsPat = patIdx;
                            dsName = nameIdx;
                            starPat = -1;
                            starName = -1;
                            return StepResult.Continue;
                        }
                    }
                }

                // A '*' (or a '**' that is not a whole segment) matches within the segment.
                startOfSegment = false;
                starPat = patIdx;
                starName = nameIdx;
                return StepResult.Continue;
            case '?':
                startOfSegment = false;
                var (rune, length) = GlobSyntax.Decode(name, nameIdx);
                if (rune == '/')
                {
                    return StepResult.Mismatch;
                }

                patIdx++;
                nameIdx += length;
                return StepResult.Continue;
            case '[':
                startOfSegment = false;
                return GlobClass.Step(p, name, ref patIdx, ref nameIdx);
            case '{':
                var alternatives = Expand(p, patIdx, zeroLength: false);
                if (alternatives is null)
                {
                    return StepResult.BadPattern;
                }

                foreach (var alternative in alternatives)
                {
                    var result = Run(alternative, name, dsPat, dsName, starPat, starName, patIdx, nameIdx);
                    if (result != false)
                    {
                        return result == true ? StepResult.Matched : StepResult.BadPattern;
                    }
                }

                return StepResult.NoMatch;
            case '\\':
                if (++patIdx >= p.Length)
                {
                    return StepResult.BadPattern;
                }

                return Literal(p, name, ref patIdx, ref nameIdx, ref startOfSegment);
            default:
                return Literal(p, name, ref patIdx, ref nameIdx, ref startOfSegment);
        }
    }

    private static StepResult Literal(string p, string name, ref int patIdx, ref int nameIdx, ref bool startOfSegment)
    {
        var (patRune, patLength) = GlobSyntax.Decode(p, patIdx);
        var (nameRune, nameLength) = GlobSyntax.Decode(name, nameIdx);
        if (patRune != nameRune)
        {
            // doublestar steps back onto a preceding backslash (even one that was itself escaped)
            // before backtracking or validating; kept so the lazy validation sees the same text.
            if (patIdx > 0 && p[patIdx - 1] == '\\')
            {
                patIdx--;
            }

            return StepResult.Mismatch;
        }

        patIdx += patLength;
        nameIdx += nameLength;
        startOfSegment = patRune == '/';
        return StepResult.Continue;
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
