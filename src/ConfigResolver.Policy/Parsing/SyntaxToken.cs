namespace ConfigResolver.Policy.Parsing;

internal enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    True,
    False,
    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
}

/// <summary>A lexical token of a matcher expression; <see cref="Offset"/> is its position in the matcher text.</summary>
internal readonly record struct SyntaxToken(TokenKind Kind, string Text, int Offset, double Number = 0);
