namespace ConfigResolver.Storage;

/// <summary>What a stored policy revision is, without its files (<see cref="IPolicyRevisionStore.ListPolicyRevisionsAsync"/>).</summary>
/// <param name="Number">The revision number: 1 for the first revision a store holds, then one more per stored revision.</param>
/// <param name="ContentHash">The content hash of its files (<see cref="PolicyRevisionDraft.ContentHash"/>).</param>
/// <param name="Author">Who published it.</param>
/// <param name="CreatedAt">When it was stored, from the writing store's clock.</param>
/// <param name="Message">Why, or null.</param>
public sealed record PolicyRevisionInfo(long Number, string ContentHash, string Author, DateTimeOffset CreatedAt, string? Message)
{
    /// <summary>Gets the revision it restores when it was made by a rollback, or null.</summary>
    public long? RestoredFrom { get; init; }

    /// <summary>Gets the store revision of the write that stored it (its change-log row).</summary>
    public long StoreRevision { get; init; }

    /// <summary>Gets how many files it holds.</summary>
    public int FileCount { get; init; }
}
