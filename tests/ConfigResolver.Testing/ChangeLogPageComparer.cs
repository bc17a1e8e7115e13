using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>Compares change-log reads by their rows (records holding arrays compare the array references otherwise).</summary>
public sealed class ChangeLogPageComparer : IEqualityComparer<ChangeLogPage>
{
    public static ChangeLogPageComparer Instance { get; } = new();

    public bool Equals(ChangeLogPage? x, ChangeLogPage? y) =>
        x is not null && y is not null && (x.OldestRevision, x.LatestRevision) == (y.OldestRevision, y.LatestRevision)
        && x.Entries.Length == y.Entries.Length
        && x.Entries.Zip(y.Entries).All(p => Describe(p.First) == Describe(p.Second));

    public int GetHashCode(ChangeLogPage obj) => HashCode.Combine(obj.LatestRevision, obj.Entries.Length);

    private static string Describe(ChangeLogEntry e) =>
        $"{e.Revision} {e.Kind} {e.OrganizationId} {e.OrganizationSlug} {e.UserId} {string.Join(',', e.AffectedUserIds)} {e.Time.ToUnixTimeMilliseconds()}";
}
