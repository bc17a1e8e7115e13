using System.Collections.Immutable;

namespace ConfigResolver.Policy.Parsing;

/// <summary>A node of a parsed matcher; <see cref="Offset"/> locates it in the matcher text for diagnostics.</summary>
internal abstract record SyntaxNode(int Offset);

internal sealed record LiteralSyntax(int Offset, object Value) : SyntaxNode(Offset);

/// <summary>A dotted name such as <c>r.sub</c>, <c>p2.obj</c> or <c>r.obj.Owner</c>.</summary>
internal sealed record NameSyntax(int Offset, string Text) : SyntaxNode(Offset);

internal sealed record UnarySyntax(int Offset, string Operator, SyntaxNode Operand) : SyntaxNode(Offset);

internal sealed record BinarySyntax(int Offset, string Operator, SyntaxNode Left, SyntaxNode Right) : SyntaxNode(Offset);

internal sealed record TernarySyntax(int Offset, SyntaxNode Condition, SyntaxNode WhenTrue, SyntaxNode WhenFalse) : SyntaxNode(Offset);

internal sealed record CallSyntax(int Offset, string Name, ImmutableArray<SyntaxNode> Arguments) : SyntaxNode(Offset);

/// <summary>A parenthesised or bracketed list with at least two items (or one item in brackets), as used by <c>in</c>.</summary>
internal sealed record ListSyntax(int Offset, ImmutableArray<SyntaxNode> Items) : SyntaxNode(Offset);
