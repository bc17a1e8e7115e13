namespace ConfigResolver.Storage;

/// <summary>Stores policy revisions. Callers lint and test a policy before they publish it; the store keeps what it is given.</summary>
public interface IPolicyRevisionStoreWriter
{
    /// <summary>
    /// Stores a draft as the next revision and publishes a <see cref="TenantChangeKind.PolicyRevisionPublished"/> change:
    /// one transaction writes the revision and appends its change-log row. When the draft's content hash equals the
    /// current revision's, nothing is written and nothing is published (decided inside the transaction, so two identical
    /// concurrent publishes store one revision).
    /// </summary>
    /// <param name="draft">The files, author and message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The current revision after the call and whether it was created.</returns>
    /// <exception cref="TenantStoreException">The store failed; nothing was written.</exception>
    Task<PolicyPublishResult> PublishPolicyRevisionAsync(PolicyRevisionDraft draft, CancellationToken cancellationToken = default);
}
