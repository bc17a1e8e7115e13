using System.Collections.Immutable;

namespace ConfigResolver.Policy.Model;

/// <summary>A request or policy definition such as <c>r = sub, obj, act</c> or <c>p2 = sub_rule, obj, act, eft</c>.</summary>
public sealed record TokenDefinition
{
    internal TokenDefinition(string key, ImmutableArray<string> tokens, int line, int column)
    {
        Key = key;
        Tokens = tokens;
        Line = line;
        Column = column;
    }

    /// <summary>The key: <c>r</c>, <c>r2</c>, <c>p</c>, <c>p2</c>, ...</summary>
    public string Key { get; }

    /// <summary>Token names in order, without the key prefix (<c>sub</c>, <c>obj</c>, <c>act</c>).</summary>
    public ImmutableArray<string> Tokens { get; }

    /// <summary>One-based line of the definition.</summary>
    public int Line { get; }

    /// <summary>One-based column of the definition's value.</summary>
    public int Column { get; }

    /// <summary>Position of a token, or -1.</summary>
    /// <param name="token">Token name without prefix.</param>
    /// <returns>Zero-based index, or -1 when the definition has no such token.</returns>
    public int IndexOf(string token) => Tokens.IndexOf(token, StringComparer.Ordinal);
}
