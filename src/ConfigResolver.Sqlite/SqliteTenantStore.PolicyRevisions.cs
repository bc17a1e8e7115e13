using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetCurrentPolicyRevisionAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("GetCurrentPolicyRevision", null, c => SqlitePolicyRevisions.Current(c, null), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetPolicyRevisionAsync(long number, CancellationToken cancellationToken = default) =>
        ReadAsync("GetPolicyRevision", null, c => SqlitePolicyRevisions.ByNumber(c, null, number), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<PolicyRevisionInfo>> ListPolicyRevisionsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return ReadAsync("ListPolicyRevisions", null, c => SqlitePolicyRevisions.Newest(c, null, maxCount), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<PolicyPublishResult> PublishPolicyRevisionAsync(PolicyRevisionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PolicyPublishResult? result = null;
        await WriteAsync("PublishPolicyRevision", null, w =>
        {
            var current = SqlitePolicyRevisions.Current(w.Connection, w.Transaction);
            if (current is not null && current.Info.ContentHash == draft.ContentHash)
            {
                result = new PolicyPublishResult(current, Created: false);
                return [];
            }

            var storeRevision = SqliteChangeLog.Head(w.Connection, w.Transaction) + 1;
            var revision = PolicyRevision.FromDraft(draft, (current?.Number ?? 0) + 1, _timeProvider.GetUtcNow(), storeRevision);
            SqlitePolicyRevisions.Insert(w.Connection, w.Transaction, revision);
            result = new PolicyPublishResult(revision, Created: true);
            w.Audit = PolicyAuditEvents.RevisionPublished(revision);
            return [new TenantChange(TenantChangeKind.PolicyRevisionPublished)];
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }
}
