using ConfigResolver.Storage;

namespace ConfigResolver.Authorization;

public sealed partial class AuthorizationService
{
    private readonly Lock _feedLock = new();

    // Changes that arrived and are not applied yet, in commit order. One drain at a time takes everything queued and
    // applies it as one batch: a burst (a poll that found many rows, writes that arrived while a change was being applied)
    // publishes one snapshot, not one per change. When nothing is pending and the store answers synchronously (the
    // in-memory store), a change is applied before the writer's call returns.
    private readonly Queue<TenantChange> _pending = new();
    private bool _draining;
    private Task _feedTail;

    /// <summary>Runs on the store writer's thread after each commit; must be quick and must not throw.</summary>
    private void OnChange(TenantChange change)
    {
        lock (_feedLock)
        {
            _pending.Enqueue(change);
            if (_draining)
            {
                // The running drain takes it before it completes (it checks the queue under this lock).
                return;
            }

            _draining = true;
            if (_feedTail.IsCompleted)
            {
                var drained = DrainAsync();
                _feedTail = drained.IsCompleted ? Task.CompletedTask : drained;
            }
            else
            {
                _feedTail = _feedTail.ContinueWith(_ => DrainAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            TenantChange[] batch;
            lock (_feedLock)
            {
                if (_pending.Count == 0)
                {
                    _draining = false;
                    return;
                }

                batch = [.. _pending];
                _pending.Clear();
            }

            await ApplyBatchAsync(batch).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies a batch in order: runs of organization and membership changes become one facts update and one role-link
    /// batch (one snapshot); a reset or a policy revision is applied where it stands, between the runs around it.
    /// </summary>
    private async Task ApplyBatchAsync(TenantChange[] batch)
    {
        var run = new List<TenantChange>();
        foreach (var change in batch)
        {
            if (IsTenancy(change))
            {
                run.Add(change);
                continue;
            }

            await ApplyTenancyAsync(run).ConfigureAwait(false);
            run.Clear();
            await ApplyAsync(change).ConfigureAwait(false);
        }

        await ApplyTenancyAsync(run).ConfigureAwait(false);
    }

    private bool IsTenancy(TenantChange change) => change.Kind switch
    {
        TenantChangeKind.OrganizationCreated or TenantChangeKind.OrganizationUpdated => change.Organization is not null,
        TenantChangeKind.OrganizationDeleted => change.OrganizationSlug is not null,
        TenantChangeKind.MembershipSet or TenantChangeKind.MembershipRemoved => change.OrganizationId is not null && change.UserId is not null,
        TenantChangeKind.TeamsChanged => change.OrganizationId is not null && _store is ICommerceStore,
        _ => false,
    };

    /// <summary>A reset or a policy revision; organization and membership changes go through <see cref="ApplyTenancyAsync"/>.</summary>
    private async Task ApplyAsync(TenantChange change)
    {
        try
        {
            switch (change.Kind)
            {
                case TenantChangeKind.Reset:
                    await ResetAsync(change.Revision).ConfigureAwait(false);
                    if (_options.PolicySource == PolicySourceKind.Store)
                    {
                        // Anything may have changed, the current policy revision included.
                        await ReloadAsync().ConfigureAwait(false);
                    }

                    break;
                case TenantChangeKind.PolicyRevisionPublished when _options.PolicySource == PolicySourceKind.Store:
                    // In feed order: a membership written after the revision is applied on top of the new policy. A revision
                    // that does not compile or fails its tests leaves the last good one serving (ReloadAsync reports it).
                    await ReloadAsync().ConfigureAwait(false);
                    break;
                default:
                    // User records do not take part in decisions (principals carry the user's id).
                    break;
            }
        }
#pragma warning disable CA1031 // A failed change must not break the feed chain; it is logged and the snapshot keeps serving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogChangeFailed(_logger, e, change.Kind, _current.Revision);
        }
    }

    /// <summary>
    /// The instance fell behind the store's change log: re-read every organization and membership and publish a
    /// snapshot on a new engine (the only full rebuild the feed ever does). The resolver reset its cache first.
    /// </summary>
    private async Task ResetAsync(long revision)
    {
        var facts = await TenantFacts.LoadAsync(_store, _resolver).ConfigureAwait(false);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var current = _current;
            Publish(current.WithAllFacts(facts.AtStoreRevision(revision), current.Revision + 1), policyReloaded: false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
