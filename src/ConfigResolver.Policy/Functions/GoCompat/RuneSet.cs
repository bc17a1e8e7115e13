namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// A set of Unicode code points kept as sorted, non-overlapping, non-adjacent inclusive ranges.
/// Go's regexp parser reduces every character class, Perl/POSIX class, Unicode class and
/// case-folded literal to such a set over runes, so the translator does the same and then
/// emits the set in UTF-16 terms for .NET.
/// </summary>
internal sealed class RuneSet
{
    /// <summary>The largest Unicode code point (Go's unicode.MaxRune).</summary>
    public const int MaxRune = 0x10FFFF;

    private readonly List<(int Lo, int Hi)> _ranges = [];
    private bool _normalized = true;

    /// <summary>The ranges in ascending order; normalizes first.</summary>
    public IReadOnlyList<(int Lo, int Hi)> Ranges
    {
        get
        {
            Normalize();
            return _ranges;
        }
    }

    /// <summary>Whether the set holds exactly one code point.</summary>
    public bool IsSingleRune
    {
        get
        {
            Normalize();
            return _ranges.Count == 1 && _ranges[0].Lo == _ranges[0].Hi;
        }
    }

    public void Add(int lo, int hi)
    {
        if (lo > hi)
        {
            return;
        }

        _ranges.Add((lo, hi));
        _normalized = false;
    }

    public void Add(int rune) => Add(rune, rune);

    public void AddSet(RuneSet other)
    {
        foreach (var (lo, hi) in other.Ranges)
        {
            Add(lo, hi);
        }
    }

    /// <summary>Adds the complement of <paramref name="other"/> over 0..MaxRune, as Go's appendNegatedClass does.</summary>
    public void AddNegated(RuneSet other)
    {
        var next = 0;
        foreach (var (lo, hi) in other.Ranges)
        {
            Add(next, lo - 1);
            next = hi + 1;
        }

        Add(next, MaxRune);
    }

    /// <summary>Adds <paramref name="lo"/>..<paramref name="hi"/> together with every rune case-fold-equivalent to one of them.</summary>
    public void AddFolded(int lo, int hi)
    {
        Add(lo, hi);
        CaseFolding.AddOrbitsInRange(this, lo, hi);
    }

    /// <summary>Replaces the set by its complement over 0..MaxRune.</summary>
    public void Negate()
    {
        Normalize();
        var copy = new RuneSet();
        copy._ranges.AddRange(_ranges);
        _ranges.Clear();
        AddNegated(copy);
        Normalize();
    }

    /// <summary>A copy of this set with every member's case-fold orbit added.</summary>
    public RuneSet Folded()
    {
        var result = new RuneSet();
        foreach (var (lo, hi) in Ranges)
        {
            result.AddFolded(lo, hi);
        }

        return result;
    }

    public bool Contains(int rune)
    {
        foreach (var (lo, hi) in Ranges)
        {
            if (rune < lo)
            {
                return false;
            }

            if (rune <= hi)
            {
                return true;
            }
        }

        return false;
    }

    private void Normalize()
    {
        if (_normalized)
        {
            return;
        }

        _ranges.Sort((a, b) => a.Lo != b.Lo ? a.Lo.CompareTo(b.Lo) : b.Hi.CompareTo(a.Hi));
        var write = 0;
        for (var read = 0; read < _ranges.Count; read++)
        {
            var current = _ranges[read];
            if (write > 0 && current.Lo <= _ranges[write - 1].Hi + 1)
            {
                var last = _ranges[write - 1];
                _ranges[write - 1] = (last.Lo, Math.Max(last.Hi, current.Hi));
                continue;
            }

            _ranges[write++] = current;
        }

        _ranges.RemoveRange(write, _ranges.Count - write);
        _normalized = true;
    }
}
