using System.Collections.Immutable;

namespace ConfigResolver.Diagnostics;

/// <summary>Sorts diagnostics the way compilers print them: by file, line, column, then code and message.</summary>
public static class DiagnosticOrdering
{
    /// <summary>Removes exact duplicates and sorts by file, line, column, code and message (an unknown line or column first).</summary>
    /// <param name="diagnostics">Diagnostics in any order.</param>
    /// <returns>The sorted, de-duplicated diagnostics.</returns>
    public static ImmutableArray<Diagnostic> SortAndDeduplicate(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var unique = new HashSet<Diagnostic>(diagnostics);
        var list = new List<Diagnostic>(unique);
        list.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.File, b.File);
            if (c != 0)
            {
                return c;
            }

            c = (a.Line ?? 0).CompareTo(b.Line ?? 0);
            if (c != 0)
            {
                return c;
            }

            c = (a.Column ?? 0).CompareTo(b.Column ?? 0);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
        });
        return [.. list];
    }
}
