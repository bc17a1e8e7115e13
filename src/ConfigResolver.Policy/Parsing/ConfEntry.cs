using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Parsing;

/// <summary>One <c>key = value</c> entry of a model file, with where its key and value start.</summary>
/// <param name="Section">Section name as written, without brackets.</param>
/// <param name="Key">Key as written.</param>
/// <param name="Value">Value with continuations joined and the inline comment removed, trimmed.</param>
/// <param name="KeyLine">One-based line of the key.</param>
/// <param name="KeyColumn">One-based column of the key.</param>
/// <param name="ValueMap">Where each character of <paramref name="Value"/> came from.</param>
internal sealed record ConfEntry(string Section, string Key, string Value, int KeyLine, int KeyColumn, SourceMap ValueMap);
