namespace ConfigResolver.Authorization.Loading;

/// <summary>
/// Finds flow collections (<c>[...]</c>, <c>{...}</c>) nested deeper than a limit with one pass over the text, before
/// the YAML parser runs: YamlDotNet's scanner keeps a pending key per open flow level and rescans them on every token,
/// so 100,000 nested brackets would take hours. Quoted scalars and comments are skipped; a quote starts a scalar only
/// where a token can start, so the apostrophe in <c>it's</c> is text.
/// </summary>
internal static class FlowNesting
{
    /// <summary>The 1-based line and column of the first bracket past <paramref name="maxDepth"/>, or (0, 0).</summary>
    public static (int Line, int Column) FindTooDeep(string text, int maxDepth)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        var previous = '\n';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
                case '#' when char.IsWhiteSpace(previous):
                    i = SkipTo(text, i, '\n') - 1;
                    break;
                case '"' or '\'' when char.IsWhiteSpace(previous) || previous is '[' or '{' or ',':
                    var end = SkipQuoted(text, i);
                    line += text.AsSpan(i, end - i).Count('\n');
                    var lastBreak = text.LastIndexOf('\n', Math.Max(0, end - 1), end - i);
                    lineStart = lastBreak >= 0 ? lastBreak + 1 : lineStart;
                    i = end - 1;
                    c = ' ';
                    break;
                case '[' or '{':
                    if (++depth > maxDepth)
                    {
                        return (line, i - lineStart + 1);
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }

            previous = c;
        }

        return (0, 0);
    }

    private static int SkipTo(string text, int from, char stop)
    {
        var at = text.IndexOf(stop, from);
        return at < 0 ? text.Length : at;
    }

    /// <summary>The index just past the quoted scalar starting at <paramref name="open"/> (or the end of the text).</summary>
    private static int SkipQuoted(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return text.Length;
    }
}
