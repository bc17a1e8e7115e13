namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>A node of a parsed Go (RE2) regular expression, after Go's own parse rules.</summary>
internal abstract record GoRegexNode;

/// <summary>One rune, matched exactly.</summary>
internal sealed record GoLiteralNode(int Rune) : GoRegexNode;

/// <summary>Any one rune of a set (classes, '.', case-folded literals).</summary>
internal sealed record GoSetNode(RuneSet Set) : GoRegexNode;

/// <summary>An empty-width assertion.</summary>
internal sealed record GoAssertNode(GoAssertKind Kind) : GoRegexNode;

/// <summary>A numbered capturing group (named groups are numbered the same way in Go).</summary>
internal sealed record GoCaptureNode(GoRegexNode Body) : GoRegexNode;

/// <summary>A sequence; an empty sequence matches the empty string.</summary>
internal sealed record GoConcatNode(IReadOnlyList<GoRegexNode> Items) : GoRegexNode;

/// <summary>Leftmost-first alternatives.</summary>
internal sealed record GoAlternateNode(IReadOnlyList<GoRegexNode> Branches) : GoRegexNode;

/// <summary>A repetition; <see cref="Max"/> is -1 when unbounded. <see cref="Counted"/> marks the {n,m} form.</summary>
internal sealed record GoRepeatNode(GoRegexNode Body, int Min, int Max, bool Greedy, bool Counted) : GoRegexNode;

internal enum GoAssertKind
{
    BeginText,
    EndText,
    BeginLine,
    EndLine,
    WordBoundary,
    NotWordBoundary,
}
