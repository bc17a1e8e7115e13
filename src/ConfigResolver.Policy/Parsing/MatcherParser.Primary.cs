using System.Collections.Immutable;

namespace ConfigResolver.Policy.Parsing;

// Primary expressions: literals, names, calls, parenthesised and bracketed lists.
internal sealed partial class MatcherParser
{
    private SyntaxNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralSyntax(token.Offset, token.Number);
            case TokenKind.String:
                return new LiteralSyntax(token.Offset, token.Text);
            case TokenKind.True:
                return new LiteralSyntax(token.Offset, true);
            case TokenKind.False:
                return new LiteralSyntax(token.Offset, false);
            case TokenKind.Identifier:
                if (Peek().Kind == TokenKind.LeftParen)
                {
                    _position++;
                    var args = ParseItems(TokenKind.RightParen, allowEmpty: true);
                    return new CallSyntax(token.Offset, token.Text, args);
                }

                return new NameSyntax(token.Offset, token.Text);
            case TokenKind.LeftParen:
            {
                var items = ParseItems(TokenKind.RightParen, allowEmpty: false);
                return items.Length == 1 ? items[0] : new ListSyntax(token.Offset, items);
            }

            case TokenKind.LeftBracket:
                return new ListSyntax(token.Offset, ParseItems(TokenKind.RightBracket, allowEmpty: true));
            default:
                throw new SyntaxError(token.Offset, $"expected a value (a name, a number, a quoted string, a function call or '('); found {Describe(token)}.");
        }
    }

    private ImmutableArray<SyntaxNode> ParseItems(TokenKind close, bool allowEmpty)
    {
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        if (Peek().Kind == close && allowEmpty)
        {
            _position++;
            return items.ToImmutable();
        }

        while (true)
        {
            items.Add(ParseTernary());
            var token = Next();
            if (token.Kind == close)
            {
                return items.ToImmutable();
            }

            if (token.Kind != TokenKind.Comma)
            {
                var closer = close == TokenKind.RightParen ? "')'" : "']'";
                throw new SyntaxError(token.Offset, $"expected ',' or {closer}; found {Describe(token)}.");
            }
        }
    }

    private static string Describe(SyntaxToken token) => token.Kind switch
    {
        TokenKind.End => "the end of the matcher",
        TokenKind.String => $"the string '{token.Text}'",
        _ => $"'{token.Text}'",
    };
}
