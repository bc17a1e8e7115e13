using System.Collections.Immutable;
using ConfigResolver.Auditing;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetCurrentPolicyRevisionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var revisions = State.PolicyRevisions;
        return new(revisions.IsEmpty ? null : revisions[^1]);
    }

    /// <inheritdoc/>
    public ValueTask<PolicyRevision?> GetPolicyRevisionAsync(long number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var revisions = State.PolicyRevisions;
        return new(number >= 1 && number <= revisions.Count ? revisions[(int)(number - 1)] : null);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<PolicyRevisionInfo>> ListPolicyRevisionsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.PolicyRevisions.Reverse().Take(maxCount).Select(static r => r.Info).ToImmutableArray());
    }

    /// <inheritdoc/>
    public async Task<PolicyPublishResult> PublishPolicyRevisionAsync(PolicyRevisionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PolicyPublishResult? result = null;
        await WriteAsync(state =>
        {
            var current = state.PolicyRevisions.IsEmpty ? null : state.PolicyRevisions[^1];
            if (current is not null && current.Info.ContentHash == draft.ContentHash)
            {
                result = new PolicyPublishResult(current, Created: false);
                return (state, [], null!);
            }

            var revision = PolicyRevision.FromDraft(draft, state.PolicyRevisions.Count + 1, _timeProvider.GetUtcNow(), state.Revision + 1);
            result = new PolicyPublishResult(revision, Created: true);
            return (state with { PolicyRevisions = state.PolicyRevisions.Add(revision) }, [new TenantChange(TenantChangeKind.PolicyRevisionPublished)], PolicyAuditEvents.RevisionPublished(revision));
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }
}
