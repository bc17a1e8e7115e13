using System.Collections.Immutable;

namespace ConfigResolver.Policy.Model;

/// <summary>
/// Maps character offsets in a value assembled from one or more source lines (continuations joined with
/// a space) back to one-based line and column numbers in the original file.
/// </summary>
public sealed class SourceMap
{
    private readonly ImmutableArray<Segment> _segments;

    internal SourceMap(ImmutableArray<Segment> segments) => _segments = segments;

    /// <summary>A map for text that starts at <paramref name="line"/>:<paramref name="column"/> and has no continuations.</summary>
    /// <param name="line">One-based line of the first character.</param>
    /// <param name="column">One-based column of the first character.</param>
    /// <returns>The map.</returns>
    public static SourceMap AtPosition(int line, int column) => new([new Segment(0, line, column)]);

    /// <summary>Line and column of the character at <paramref name="offset"/>.</summary>
    /// <param name="offset">Zero-based offset into the assembled value.</param>
    /// <returns>One-based line and column.</returns>
    public (int Line, int Column) Locate(int offset)
    {
        var segment = _segments[0];
        foreach (var s in _segments)
        {
            if (s.Offset > offset)
            {
                break;
            }

            segment = s;
        }

        return (segment.Line, segment.Column + (offset - segment.Offset));
    }

    internal readonly record struct Segment(int Offset, int Line, int Column);
}
