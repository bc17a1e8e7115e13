using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetCurrentPolicyRevisionAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("GetCurrentPolicyRevision", null, (c, ct) => PgPolicyRevisions.CurrentAsync(c, null, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetPolicyRevisionAsync(long number, CancellationToken cancellationToken = default) =>
        ReadAsync("GetPolicyRevision", null, (c, ct) => PgPolicyRevisions.ByNumberAsync(c, null, number, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<PolicyRevisionInfo>> ListPolicyRevisionsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return ReadAsync("ListPolicyRevisions", null, (c, ct) => PgPolicyRevisions.NewestAsync(c, null, maxCount, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<PolicyPublishResult> PublishPolicyRevisionAsync(PolicyRevisionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PolicyPublishResult? result = null;
        await WriteAsync("PublishPolicyRevision", null, async w =>
        {
            // The head's row lock (taken first by every write) serializes publishes of every instance, so "current" is
            // the committed newest revision and numbers never collide.
            var current = await PgPolicyRevisions.CurrentAsync(w.Connection, w.Transaction, w.CancellationToken).ConfigureAwait(false);
            if (current is not null && current.Info.ContentHash == draft.ContentHash)
            {
                result = new PolicyPublishResult(current, Created: false);
                return [];
            }

            var storeRevision = (long)(await PgCommands.ScalarAsync(w.Connection, w.Transaction, "SELECT revision FROM change_log_head WHERE id = 1", w.CancellationToken).ConfigureAwait(false))!;
            var revision = PolicyRevision.FromDraft(draft, (current?.Number ?? 0) + 1, _timeProvider.GetUtcNow(), storeRevision);
            await PgPolicyRevisions.InsertAsync(w.Connection, w.Transaction, revision, w.CancellationToken).ConfigureAwait(false);
            result = new PolicyPublishResult(revision, Created: true);
            w.Audit = PolicyAuditEvents.RevisionPublished(revision);
            return [new TenantChange(TenantChangeKind.PolicyRevisionPublished)];
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }
}
