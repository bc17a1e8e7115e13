using System.Text;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// Builds the Go regular expressions that casbin's keyMatch2..5 and keyGet2..3 derive from a
/// key pattern, with the same textual rewriting Go performs, so regex metacharacters left in a
/// pattern keep their Go meaning.
/// </summary>
internal static class KeyPatterns
{
    /// <summary>Go: every "/*" becomes "/.*" (non-overlapping, left to right).</summary>
    public static string ExpandSlashStar(string pattern) => pattern.Replace("/*", "/.*", StringComparison.Ordinal);

    /// <summary>
    /// Replaces each match of Go's <c>:[^/]+</c> (a colon and the rest of the segment, at least one
    /// character) by <paramref name="replacement"/>; collects the matched names without the colon.
    /// </summary>
    public static string ReplaceColonParameters(string pattern, string replacement, List<string>? names = null)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == ':')
            {
                var end = SegmentEnd(pattern, i + 1);
                if (end > i + 1)
                {
                    names?.Add(pattern[(i + 1)..end]);
                    sb.Append(replacement);
                    i = end;
                    continue;
                }
            }

            sb.Append(pattern[i]);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Replaces each match of Go's <c>\{[^/]+\}</c> (greedy: up to the last '}' before the next '/')
    /// or, when <paramref name="lazy"/>, of <c>\{[^/]+?\}</c> (up to the first '}' after at least one
    /// character); collects the text between the braces.
    /// </summary>
    public static string ReplaceBraceParameters(string pattern, string replacement, bool lazy, List<string>? names = null)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '{')
            {
                var close = FindClosingBrace(pattern, i, lazy);
                if (close > 0)
                {
                    names?.Add(pattern[(i + 1)..close]);
                    sb.Append(replacement);
                    i = close + 1;
                    continue;
                }
            }

            sb.Append(pattern[i]);
            i++;
        }

        return sb.ToString();
    }

    private static int SegmentEnd(string pattern, int start)
    {
        var slash = pattern.IndexOf('/', start);
        return slash < 0 ? pattern.Length : slash;
    }

    private static int FindClosingBrace(string pattern, int open, bool lazy)
    {
        var segmentEnd = SegmentEnd(pattern, open + 1);
        var first = open + 2;
        if (first >= segmentEnd)
        {
            return -1;
        }

        return lazy
            ? pattern.IndexOf('}', first, segmentEnd - first)
            : pattern.LastIndexOf('}', segmentEnd - 1, segmentEnd - first);
    }
}
