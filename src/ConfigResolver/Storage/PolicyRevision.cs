using System.Collections.Immutable;

namespace ConfigResolver.Storage;

/// <summary>A stored, immutable policy revision: what it is and its files, in ordinal path order.</summary>
/// <param name="Info">Its number, hash, author, time and message.</param>
/// <param name="Files">Its files.</param>
public sealed record PolicyRevision(PolicyRevisionInfo Info, ImmutableArray<PolicyRevisionFile> Files)
{
    /// <summary>Gets the revision number.</summary>
    public long Number => Info.Number;

    /// <summary>Builds the stored revision for a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="number">Its number.</param>
    /// <param name="createdAt">The commit time.</param>
    /// <param name="storeRevision">The store revision of the write.</param>
    /// <returns>The revision.</returns>
    public static PolicyRevision FromDraft(PolicyRevisionDraft draft, long number, DateTimeOffset createdAt, long storeRevision)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var info = new PolicyRevisionInfo(number, draft.ContentHash, draft.Author, createdAt, draft.Message)
        {
            RestoredFrom = draft.RestoredFrom,
            StoreRevision = storeRevision,
            FileCount = draft.Files.Length,
        };
        return new PolicyRevision(info, draft.Files);
    }
}
