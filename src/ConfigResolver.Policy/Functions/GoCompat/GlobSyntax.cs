using System.Text;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Scanning helpers with doublestar v4's exact rules: a backslash skips the next character,
/// braces nest, and validation is the same shallow check doublestar runs lazily.
/// </summary>
internal static class GlobSyntax
{
    public const int MaxRune = 0x10FFFF;

    public static (int Rune, int Length) Decode(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
        return (rune.Value, consumed);
    }

    /// <summary>Index of the first unescaped <paramref name="c"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexUnescaped(string s, int from, char c)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the '}' closing the '{' just before <paramref name="from"/>, skipping nested braces; or -1.</summary>
    public static int IndexClosingBrace(string s, int from)
    {
        var depth = 1;
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the next top-level ',' in [from, to), or -1. (v4.6.1 does not skip [...] here.)</summary>
    public static int IndexNextAlternative(string s, int from, int to)
    {
        var depth = 1;
        for (var i = from; i < to; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}')
            {
                depth--;
            }
            else if (s[i] == ',' && depth == 1)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The alternatives of the brace group opening at <paramref name="open"/>: each is the text before
    /// the group (when <paramref name="keepPrefix"/>), one alternative, and the text after the group.
    /// Null when the group is not closed.
    /// </summary>
    public static string[]? ExpandBraces(string s, int open, bool keepPrefix)
    {
        var close = IndexClosingBrace(s, open + 1);
        if (close < 0)
        {
            return null;
        }

        var prefix = keepPrefix ? s.AsSpan(0, open) : [];
        var suffix = s.AsSpan(close + 1);
        var result = new List<string>();
        var start = open + 1;
        while (true)
        {
            var comma = IndexNextAlternative(s, start, close);
            var end = comma < 0 ? close : comma;
            result.Add(string.Concat(prefix, s.AsSpan(start, end - start), suffix));
            if (comma < 0)
            {
                return [.. result];
            }

            start = comma + 1;
        }
    }

    /// <summary>doublestar's pattern validation of <paramref name="s"/> from <paramref name="start"/>.</summary>
    public static bool IsValid(string s, int start)
    {
        var depth = 0;
        for (var i = start; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\':
                    if (++i >= s.Length)
                    {
                        return false;
                    }

                    break;
                case '[':
                    if (!SkipClass(s, ref i))
                    {
                        return false;
                    }

                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (depth == 0)
                    {
                        return false;
                    }

                    depth--;
                    break;
            }
        }

        return depth == 0;
    }

    // On entry s[i] is '['; on success i is left on the closing ']'.
    private static bool SkipClass(string s, ref int i)
    {
        if (++i >= s.Length)
        {
            return false;
        }

        if (s[i] is '^' or '!')
        {
            i++;
        }

        if (i >= s.Length || s[i] == ']')
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == ']')
            {
                return true;
            }
        }

        return false;
    }
}
