namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>The outcome of one step of the glob matcher.</summary>
internal enum StepResult
{
    Continue,
    Mismatch,
    Matched,
    NoMatch,
    BadPattern,
}

/// <summary>A doublestar character class step: [abc], [a-z], [!x], [^x], with '\' escapes.</summary>
internal static class GlobClass
{
    /// <summary>On entry p[patIdx] is '['; consumes the class and one rune of the name on success.</summary>
    public static StepResult Step(string p, string name, ref int patIdx, ref int nameIdx)
    {
        if (++patIdx >= p.Length)
        {
            return StepResult.BadPattern;
        }

        var (nameRune, nameLength) = GlobSyntax.Decode(name, nameIdx);
        var negate = p[patIdx] is '!' or '^';
        if (negate)
        {
            patIdx++;
        }

        if (patIdx >= p.Length || p[patIdx] == ']')
        {
            // Unterminated or empty class.
            return StepResult.BadPattern;
        }

        var matched = false;
        var last = GlobSyntax.MaxRune;
        while (patIdx < p.Length && p[patIdx] != ']')
        {
            var (patRune, patLength) = GlobSyntax.Decode(p, patIdx);
            patIdx += patLength;
            if (last < GlobSyntax.MaxRune && patRune == '-' && patIdx < p.Length && p[patIdx] != ']')
            {
                if (p[patIdx] == '\\')
                {
                    patIdx++;
                }

                (patRune, patLength) = GlobSyntax.Decode(p, patIdx);
                patIdx += patLength;
                if (last <= nameRune && nameRune <= patRune)
                {
                    matched = true;
                    break;
                }

                // A range that did not match cannot start another range.
                last = GlobSyntax.MaxRune;
                continue;
            }

            if (patRune == '\\')
            {
                (patRune, patLength) = GlobSyntax.Decode(p, patIdx);
                patIdx += patLength;
            }

            if (patRune == nameRune)
            {
                matched = true;
                break;
            }

            last = patRune;
        }

        if (matched == negate)
        {
            return patIdx >= p.Length ? StepResult.BadPattern : StepResult.Mismatch;
        }

        var closing = GlobSyntax.IndexUnescaped(p, patIdx, ']');
        if (closing < 0)
        {
            return StepResult.BadPattern;
        }

        patIdx = closing + 1;
        nameIdx += nameLength;
        return StepResult.Continue;
    }
}
