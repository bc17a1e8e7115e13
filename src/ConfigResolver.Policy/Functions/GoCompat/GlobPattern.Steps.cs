namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>One step of the doublestar matcher at the current pattern position.</summary>
internal sealed partial class GlobPattern
{
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
}
