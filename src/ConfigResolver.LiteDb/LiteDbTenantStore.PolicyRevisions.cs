using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetCurrentPolicyRevisionAsync(CancellationToken cancellationToken = default) =>
        Read("GetCurrentPolicyRevision", null, LitePolicyRevisions.Current, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetPolicyRevisionAsync(long number, CancellationToken cancellationToken = default) =>
        Read("GetPolicyRevision", null, db => LitePolicyRevisions.ByNumber(db, number), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<PolicyRevisionInfo>> ListPolicyRevisionsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return Read("ListPolicyRevisions", null, db => LitePolicyRevisions.Newest(db, maxCount), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<PolicyPublishResult> PublishPolicyRevisionAsync(PolicyRevisionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PolicyPublishResult? result = null;
        await Write("PublishPolicyRevision", null, db =>
        {
            var current = LitePolicyRevisions.Current(db);
            if (current is not null && current.Info.ContentHash == draft.ContentHash)
            {
                result = new PolicyPublishResult(current, Created: false);
                return ([], null!);
            }

            var revision = PolicyRevision.FromDraft(draft, (current?.Number ?? 0) + 1, _timeProvider.GetUtcNow(), LiteQueries.Head(db) + 1);
            LitePolicyRevisions.Insert(db, revision);
            result = new PolicyPublishResult(revision, Created: true);
            return ([new TenantChange(TenantChangeKind.PolicyRevisionPublished)], PolicyAuditEvents.RevisionPublished(revision));
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }
}
