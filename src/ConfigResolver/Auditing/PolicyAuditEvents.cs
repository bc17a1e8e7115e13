using ConfigResolver.Storage;

namespace ConfigResolver.Auditing;

/// <summary>The audit entries of stored policy revisions: <c>policy.push</c> and <c>policy.rollback</c>.</summary>
public static class PolicyAuditEvents
{
    /// <summary>
    /// <c>policy.push</c>, or <c>policy.rollback</c> when the revision restores an earlier one; the target is
    /// <c>revision N</c>, the changes name the content hash, the file count, the author and message, and the restored revision.
    /// </summary>
    /// <param name="revision">The revision stored.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry RevisionPublished(PolicyRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var info = revision.Info;
        var diff = new AuditDiff()
            .Value("content_hash", null, info.ContentHash)
            .Value("files", null, info.FileCount)
            .Value("author", null, info.Author)
            .Value("message", null, info.Message)
            .Value("restored_from", null, info.RestoredFrom);
        var action = info.RestoredFrom is null ? AuditActions.PolicyPush : AuditActions.PolicyRollback;
        return new AuditEntry(action, null, null, $"revision {info.Number}", diff.ToJson());
    }
}
