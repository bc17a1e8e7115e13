using System.Collections.Immutable;

namespace ConfigResolver.Policy.Parsing;

/// <summary>Measures a parsed tree's height without recursion, so a tree of any shape can be measured.</summary>
internal static class SyntaxDepth
{
    /// <summary>The offset of the first node deeper than <paramref name="maxDepth"/>, or null when the tree is within it.</summary>
    public static int? FindTooDeep(SyntaxNode root, int maxDepth)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > maxDepth)
            {
                return node.Offset;
            }

            foreach (var child in Children(node))
            {
                pending.Push((child, depth + 1));
            }
        }

        return null;
    }

    private static ImmutableArray<SyntaxNode> Children(SyntaxNode node) => node switch
    {
        UnarySyntax unary => [unary.Operand],
        BinarySyntax binary => [binary.Left, binary.Right],
        TernarySyntax ternary => [ternary.Condition, ternary.WhenTrue, ternary.WhenFalse],
        CallSyntax call => call.Arguments,
        ListSyntax list => list.Items,
        _ => [],
    };
}
