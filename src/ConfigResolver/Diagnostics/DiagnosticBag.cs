using System.Collections.Immutable;

namespace ConfigResolver.Diagnostics;

/// <summary>
/// Collects diagnostics, drops duplicates (same code and pointer and subject) and sorts them by
/// position, then pointer, then code, so every rejected input reports every problem once, in a stable order.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(string Code, string? Pointer, string? Where)> _seen = [];

    public int Count => _items.Count;

    public bool HasErrors
    {
        get
        {
            foreach (var item in _items)
            {
                if (item.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool ContainsPointer(string pointer)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Pointer, pointer, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(Diagnostic diagnostic)
    {
        if (_seen.Add((diagnostic.Code, diagnostic.Pointer, diagnostic.Where)))
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    public ImmutableArray<Diagnostic> ToImmutable()
    {
        var sorted = _items.ToArray();
        Array.Sort(sorted, Compare);
        return ImmutableArray.Create(sorted);
    }

    internal static int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var result = string.CompareOrdinal(x.Where, y.Where);
        if (result != 0)
        {
            return result;
        }

        result = string.CompareOrdinal(x.File, y.File);
        if (result != 0)
        {
            return result;
        }

        // Positioned diagnostics come first, in document order.
        result = (x.Line ?? int.MaxValue).CompareTo(y.Line ?? int.MaxValue);
        if (result != 0)
        {
            return result;
        }

        result = (x.Column ?? int.MaxValue).CompareTo(y.Column ?? int.MaxValue);
        if (result != 0)
        {
            return result;
        }

        result = string.CompareOrdinal(x.Pointer, y.Pointer);
        return result != 0 ? result : string.CompareOrdinal(x.Code, y.Code);
    }
}
