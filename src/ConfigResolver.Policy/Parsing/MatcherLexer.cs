using System.Globalization;
using System.Text;

namespace ConfigResolver.Policy.Parsing;

/// <summary>
/// Splits a matcher into tokens with govaluate's rules: identifiers may contain dots (<c>r.obj.Owner</c>);
/// strings use single or double quotes with backslash escapes; numbers are decimal floats.
/// </summary>
internal static class MatcherLexer
{
    // Longest operators first so that '>=' wins over '>'.
    private static readonly string[] s_operators =
    [
        "&&", "||", "==", "!=", ">=", "<=", "=~", "!~", "**", "<<", ">>", "??",
        ">", "<", "+", "-", "*", "/", "%", "!", "&", "|", "^", "~", "?", ":",
    ];

    public static List<SyntaxToken> Tokenize(string text, out int errorOffset, out string? error)
    {
        var tokens = new List<SyntaxToken>();
        errorOffset = 0;
        error = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word switch
                {
                    "true" => new SyntaxToken(TokenKind.True, word, start),
                    "false" => new SyntaxToken(TokenKind.False, word, start),
                    "in" => new SyntaxToken(TokenKind.Operator, word, start),
                    _ => new SyntaxToken(TokenKind.Identifier, word, start),
                });
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var numberText = text[start..i];
                if (!double.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    errorOffset = start;
                    error = $"expected a number; found '{numberText}'.";
                    return tokens;
                }

                tokens.Add(new SyntaxToken(TokenKind.Number, numberText, start, number));
                continue;
            }

            if (c is '"' or '\'')
            {
                var sb = new StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        sb.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (text[i] == c)
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                if (!closed)
                {
                    errorOffset = start;
                    error = $"unterminated string literal; expected a closing {c} before the end of the matcher.";
                    return tokens;
                }

                tokens.Add(new SyntaxToken(TokenKind.String, sb.ToString(), start));
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new SyntaxToken(TokenKind.LeftParen, "(", start));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new SyntaxToken(TokenKind.RightParen, ")", start));
                    i++;
                    continue;
                case '[':
                    tokens.Add(new SyntaxToken(TokenKind.LeftBracket, "[", start));
                    i++;
                    continue;
                case ']':
                    tokens.Add(new SyntaxToken(TokenKind.RightBracket, "]", start));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new SyntaxToken(TokenKind.Comma, ",", start));
                    i++;
                    continue;
                default:
                    break;
            }

            var op = Array.Find(s_operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                errorOffset = start;
                error = $"unexpected character '{c}'; expected an operator, a name, a number or a quoted string.";
                return tokens;
            }

            tokens.Add(new SyntaxToken(TokenKind.Operator, op, start));
            i += op.Length;
        }

        tokens.Add(new SyntaxToken(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }
}
