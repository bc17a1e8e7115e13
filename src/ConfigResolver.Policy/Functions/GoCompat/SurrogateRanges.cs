using System.Text;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>Writes a range of supplementary code points as .NET patterns over UTF-16 surrogate pairs.</summary>
internal static class SurrogateRanges
{
    public static void Append(GoRegexEmitter emitter, List<string> alternatives, int lo, int hi)
    {
        var (loHigh, loLow) = Split(lo);
        var (hiHigh, hiLow) = Split(hi);
        if (loHigh == hiHigh)
        {
            alternatives.Add(Pair(emitter, loHigh, loHigh, loLow, hiLow));
            return;
        }

        alternatives.Add(Pair(emitter, loHigh, loHigh, loLow, '\uDFFF'));
        if (hiHigh - loHigh > 1)
        {
            alternatives.Add(Pair(emitter, (char)(loHigh + 1), (char)(hiHigh - 1), '\uDC00', '\uDFFF'));
        }

        alternatives.Add(Pair(emitter, hiHigh, hiHigh, '\uDC00', hiLow));
    }

    private static (char High, char Low) Split(int rune)
    {
        var offset = rune - 0x10000;
        return ((char)(0xD800 + (offset >> 10)), (char)(0xDC00 + (offset & 0x3FF)));
    }

    private static string Pair(GoRegexEmitter emitter, char highLo, char highHi, char lowLo, char lowHi)
    {
        var sb = new StringBuilder();
        AppendRange(emitter, sb, highLo, highHi);
        AppendRange(emitter, sb, lowLo, lowHi);
        return sb.ToString();
    }

    private static void AppendRange(GoRegexEmitter emitter, StringBuilder sb, char lo, char hi)
    {
        emitter.NoteRange(lo, hi);
        if (lo == hi)
        {
            GoRegexEmitter.AppendChar(sb, lo);
            return;
        }

        sb.Append('[');
        GoRegexEmitter.AppendChar(sb, lo);
        sb.Append('-');
        GoRegexEmitter.AppendChar(sb, hi);
        sb.Append(']');
    }
}
