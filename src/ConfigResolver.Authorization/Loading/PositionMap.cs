using System.Collections.Frozen;

namespace ConfigResolver.Authorization.Loading;

/// <summary>Maps RFC 6901 pointers of a YAML document converted to JSON back to lines and columns.</summary>
/// <remarks>Immutable.</remarks>
internal sealed class PositionMap
{
    private readonly FrozenDictionary<string, NodePosition> _positions;

    public PositionMap(IDictionary<string, NodePosition> positions) =>
        _positions = positions.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The position of the node at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public NodePosition this[string pointer]
    {
        get
        {
            var current = pointer;
            while (true)
            {
                if (_positions.TryGetValue(current, out var position))
                {
                    return position;
                }

                if (current.Length == 0)
                {
                    return new NodePosition(1, 1, 1, 1, 1, 1);
                }

                var slash = current.LastIndexOf('/');
                current = slash <= 0 ? string.Empty : current[..slash];
            }
        }
    }

    /// <summary>Whether the pointer names a node of the document.</summary>
    public bool Contains(string pointer) => _positions.ContainsKey(pointer);

    /// <summary>Escapes one pointer segment (<c>~</c> and <c>/</c>).</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
