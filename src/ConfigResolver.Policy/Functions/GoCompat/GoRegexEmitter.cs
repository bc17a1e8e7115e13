using System.Globalization;
using System.Text;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Writes a parsed Go regexp as a .NET pattern with the same meaning over UTF-16 strings.
/// </summary>
/// <remarks>
/// Go matches runes, .NET matches UTF-16 code units, so every set is split into its BMP part (a
/// .NET class that leaves out the surrogate range) and its supplementary part (explicit surrogate
/// pairs): "." and negated classes then consume a whole emoji, as in Go. Anchors are written
/// explicitly (\A, \z, (?m:^)) because Go's "$" never matches before a final "\n" as .NET's does.
/// Go's \b is ASCII-only; it is written with look-arounds, which only the backtracking engine has.
/// The emitter also counts the distinct UTF-16 boundaries of every set it writes: an upper bound
/// on the character partitions ("minterms") .NET's non-backtracking engine builds.
/// </remarks>
internal sealed class GoRegexEmitter
{
    private const string WordClass = "[0-9A-Za-z_]";
    private const string NeverMatches = "[^\\u0000-\\uFFFF]";

    // .NET always treats '\n' specially, so it starts out as a partition of its own.
    private readonly HashSet<int> _boundaries = ['\n', '\n' + 1];

    private GoRegexEmitter()
    {
    }

    public static string Emit(GoRegexNode root, out bool needsLookaround, out int setBoundaries)
    {
        var emitter = new GoRegexEmitter();
        var builder = new StringBuilder();
        var lookaround = false;
        emitter.EmitNode(builder, root, ref lookaround);
        setBoundaries = emitter._boundaries.Count;
        needsLookaround = lookaround;
        return builder.ToString();
    }

    /// <summary>Records that the emitted pattern distinguishes the UTF-16 units lo..hi from their neighbours.</summary>
    internal void NoteRange(int lo, int hi)
    {
        _boundaries.Add(lo);
        _boundaries.Add(hi + 1);
    }

    private void EmitNode(StringBuilder sb, GoRegexNode node, ref bool lookaround)
    {
        switch (node)
        {
            case GoLiteralNode literal:
                EmitRune(sb, literal.Rune);
                break;
            case GoSetNode set:
                EmitSet(sb, set.Set);
                break;
            case GoAssertNode assert:
                lookaround |= assert.Kind is GoAssertKind.WordBoundary or GoAssertKind.NotWordBoundary;
                sb.Append(AssertText(assert.Kind));
                break;
            case GoCaptureNode capture:
                sb.Append('(');
                EmitNode(sb, capture.Body, ref lookaround);
                sb.Append(')');
                break;
            case GoConcatNode concat:
                foreach (var item in concat.Items)
                {
                    EmitNode(sb, item, ref lookaround);
                }

                break;
            case GoAlternateNode alternate:
                sb.Append("(?:");
                for (var i = 0; i < alternate.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append('|');
                    }

                    EmitNode(sb, alternate.Branches[i], ref lookaround);
                }

                sb.Append(')');
                break;
            case GoRepeatNode repeat:
                EmitRepeat(sb, repeat, ref lookaround);
                break;
        }
    }

    private void EmitRepeat(StringBuilder sb, GoRepeatNode repeat, ref bool lookaround)
    {
        var body = new StringBuilder();
        EmitNode(body, repeat.Body, ref lookaround);
        var atomic = IsSingleUnit(repeat.Body);
        sb.Append(atomic ? string.Empty : "(?:").Append(body).Append(atomic ? string.Empty : ")");
        sb.Append((repeat.Min, repeat.Max) switch
        {
            (0, -1) => "*",
            (1, -1) => "+",
            (0, 1) when !repeat.Counted => "?",
            (var min, -1) => string.Create(CultureInfo.InvariantCulture, $"{{{min},}}"),
            (var min, var max) when min == max => string.Create(CultureInfo.InvariantCulture, $"{{{min}}}"),
            (var min, var max) => string.Create(CultureInfo.InvariantCulture, $"{{{min},{max}}}"),
        });
        if (!repeat.Greedy)
        {
            sb.Append('?');
        }
    }

    // A quantifier may follow a single BMP character or a plain class; anything else gets (?:...).
    private static bool IsSingleUnit(GoRegexNode node) => node switch
    {
        GoLiteralNode literal => literal.Rune < 0x10000 && !IsSurrogate(literal.Rune),
        GoSetNode set => set.Set.Ranges.Count > 0 && set.Set.Ranges[^1].Hi < 0x10000,
        _ => false,
    };

    private static string AssertText(GoAssertKind kind) => kind switch
    {
        GoAssertKind.BeginText => "\\A",
        GoAssertKind.EndText => "\\z",
        GoAssertKind.BeginLine => "(?m:^)",
        GoAssertKind.EndLine => "(?m:$)",
        GoAssertKind.WordBoundary =>
            $"(?:(?<={WordClass})(?!{WordClass})|(?<!{WordClass})(?={WordClass}))",
        // Go only stops between runes, so \B must not match inside a surrogate pair.
        _ => $"(?:(?<={WordClass})(?={WordClass})|(?<!{WordClass})(?!{WordClass})(?!(?<=[\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]))",
    };

    private void EmitRune(StringBuilder sb, int rune)
    {
        if (IsSurrogate(rune))
        {
            // Go can match a surrogate code point only in invalid UTF-8, which a .NET string never is.
            sb.Append(NeverMatches);
            return;
        }

        if (rune < 0x10000)
        {
            NoteRange(rune, rune);
            AppendChar(sb, (char)rune);
            return;
        }

        Span<char> pair = stackalloc char[2];
        new Rune(rune).EncodeToUtf16(pair);
        NoteRange(pair[0], pair[0]);
        NoteRange(pair[1], pair[1]);
        sb.Append("(?:");
        AppendChar(sb, pair[0]);
        AppendChar(sb, pair[1]);
        sb.Append(')');
    }

    private void EmitSet(StringBuilder sb, RuneSet set)
    {
        var bmp = new List<(int Lo, int Hi)>();
        var alternatives = new List<string>();
        foreach (var (lo, hi) in set.Ranges)
        {
            AddClipped(bmp, lo, hi, 0, 0xD7FF);
            AddClipped(bmp, lo, hi, 0xE000, 0xFFFF);
            if (hi >= 0x10000)
            {
                SurrogateRanges.Append(this, alternatives, Math.Max(lo, 0x10000), hi);
            }
        }

        if (bmp.Count > 0)
        {
            alternatives.Add(BmpClass(bmp));
        }

        if (alternatives.Count == 0)
        {
            sb.Append(NeverMatches);
        }
        else if (alternatives.Count == 1 && bmp.Count > 0)
        {
            sb.Append(alternatives[0]);
        }
        else
        {
            sb.Append("(?:").AppendJoin('|', alternatives).Append(')');
        }
    }

    private static void AddClipped(List<(int Lo, int Hi)> target, int lo, int hi, int min, int max)
    {
        var clippedLo = Math.Max(lo, min);
        var clippedHi = Math.Min(hi, max);
        if (clippedLo <= clippedHi)
        {
            target.Add((clippedLo, clippedHi));
        }
    }

    private string BmpClass(List<(int Lo, int Hi)> ranges)
    {
        var sb = new StringBuilder("[");
        foreach (var (lo, hi) in ranges)
        {
            NoteRange(lo, hi);
            AppendChar(sb, (char)lo);
            if (hi != lo)
            {
                sb.Append('-');
                AppendChar(sb, (char)hi);
            }
        }

        return sb.Append(']').ToString();
    }

    internal static void AppendChar(StringBuilder sb, char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            sb.Append(c);
            return;
        }

        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
    }

    private static bool IsSurrogate(int rune) => rune is >= 0xD800 and <= 0xDFFF;
}
