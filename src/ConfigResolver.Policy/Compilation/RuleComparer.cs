namespace ConfigResolver.Policy.Compilation;

/// <summary>Compares rules field by field (ordinal), so that a rule is found in a set without joining strings.</summary>
internal sealed class RuleComparer : IEqualityComparer<string[]>
{
    public static readonly RuleComparer Instance = new();

    public bool Equals(string[]? x, string[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(string[] obj)
    {
        var hash = new HashCode();
        foreach (var field in obj)
        {
            hash.Add(field, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
