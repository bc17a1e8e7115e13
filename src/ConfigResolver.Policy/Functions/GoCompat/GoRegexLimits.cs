namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Go's parser limits: nested counted repetition at most 1000 copies, parse-tree height at most
/// 1000, and a bound on the compiled program size. Computed on the translated tree, which has the
/// same shape as Go's for these purposes.
/// </summary>
internal static class GoRegexLimits
{
    private const int MaxHeight = 1000;

    // Go: maxSize = 128 MiB / size of one compiled instruction (40 bytes).
    private const long MaxSize = (128L << 20) / 40;

    /// <summary>Go's repeatIsValid: the product of nested {n,m} counts stays within <paramref name="limit"/>.</summary>
    public static bool RepeatIsValid(GoRegexNode node, int limit)
    {
        if (node is GoRepeatNode { Counted: true } repeat)
        {
            var m = repeat.Max;
            if (m == 0)
            {
                return true;
            }

            if (m < 0)
            {
                m = repeat.Min;
            }

            if (m > limit)
            {
                return false;
            }

            if (m > 0)
            {
                limit /= m;
            }
        }

        foreach (var child in Children(node))
        {
            if (!RepeatIsValid(child, limit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when the tree nests too deeply or would compile too large.</summary>
    public static void Check(GoRegexNode root, string pattern)
    {
        if (Height(root, 0) > MaxHeight)
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.NestingDepth, pattern);
        }

        if (Size(root) > MaxSize)
        {
            throw new GoRegexSyntaxException(GoRegexSyntaxException.Large, pattern);
        }
    }

    private static int Height(GoRegexNode node, int depth)
    {
        // Stop descending once over the limit so a hostile pattern cannot exhaust the stack.
        if (depth > MaxHeight)
        {
            return depth;
        }

        var height = 1;
        foreach (var child in Children(node))
        {
            height = Math.Max(height, 1 + Height(child, depth + 1));
            if (height > MaxHeight)
            {
                break;
            }
        }

        return height;
    }

    private static long Size(GoRegexNode node)
    {
        long size = node switch
        {
            GoCaptureNode capture => 2 + Size(capture.Body),
            GoConcatNode concat => concat.Items.Sum(Size),
            GoAlternateNode alternate => alternate.Branches.Sum(Size) + alternate.Branches.Count - 1,
            GoRepeatNode repeat => RepeatSize(repeat),
            _ => 1,
        };
        return Math.Min(Math.Max(size, 1), MaxSize + 1);
    }

    private static long RepeatSize(GoRepeatNode repeat)
    {
        var body = Size(repeat.Body);
        if (!repeat.Counted)
        {
            // x* is counted as 2 + x, x+ and x? as 1 + x.
            return (repeat.Min == 0 && repeat.Max < 0 ? 2 : 1) + body;
        }

        if (repeat.Max < 0)
        {
            return repeat.Min == 0 ? 2 + body : 1 + (repeat.Min * body);
        }

        return (repeat.Max * body) + (repeat.Max - repeat.Min);
    }

    private static IEnumerable<GoRegexNode> Children(GoRegexNode node) => node switch
    {
        GoCaptureNode capture => [capture.Body],
        GoConcatNode concat => concat.Items,
        GoAlternateNode alternate => alternate.Branches,
        GoRepeatNode repeat => [repeat.Body],
        _ => [],
    };
}
