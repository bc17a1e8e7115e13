namespace ConfigResolver.Authorization.Loading;

/// <summary>Where a YAML node is: its own start, the start of its key (for mapping values), and where its text starts.</summary>
/// <param name="Line">One-based line of the node.</param>
/// <param name="Column">One-based column of the node.</param>
/// <param name="KeyLine">One-based line of the key naming it, or <see cref="Line"/> for the root and list items.</param>
/// <param name="KeyColumn">One-based column of the key naming it.</param>
/// <param name="TextLine">One-based line of the first character of a scalar's text (after an opening quote).</param>
/// <param name="TextColumn">One-based column of the first character of a scalar's text.</param>
internal readonly record struct NodePosition(int Line, int Column, int KeyLine, int KeyColumn, int TextLine, int TextColumn);
