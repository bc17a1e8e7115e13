using ConfigResolver.Policy.Compilation;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization;

public sealed partial class AuthorizationService
{
    private readonly Lock _feedLock = new();

    // Changes are applied one after another in commit order. When nothing is pending and the store answers
    // synchronously (the in-memory store), a change is applied before the writer's call returns.
    private Task _feedTail;

    /// <summary>Runs on the store writer's thread after each commit; must be quick and must not throw.</summary>
    private void OnChange(TenantChange change)
    {
        lock (_feedLock)
        {
            if (_feedTail.IsCompleted)
            {
                var applied = ApplyAsync(change);
                _feedTail = applied.IsCompleted ? Task.CompletedTask : applied;
            }
            else
            {
                _feedTail = _feedTail.ContinueWith(_ => ApplyAsync(change), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }
    }

    /// <summary>Updates facts and role links for one change and publishes the next snapshot; never a full recompile.</summary>
    private async Task ApplyAsync(TenantChange change)
    {
        try
        {
            switch (change.Kind)
            {
                case TenantChangeKind.OrganizationCreated or TenantChangeKind.OrganizationUpdated when change.Organization is { } organization:
                    await ApplyOrganizationAsync(organization, change.Revision).ConfigureAwait(false);
                    break;
                case TenantChangeKind.OrganizationDeleted when change.OrganizationSlug is { } slug:
                    await WriteAsync(change.Revision, current =>
                        (current.Facts.WithoutOrganization(slug), links => links.RemoveWhere(link => link.Length > 2 && link[2] == slug))).ConfigureAwait(false);
                    break;
                case TenantChangeKind.MembershipSet or TenantChangeKind.MembershipRemoved when change.OrganizationId is { } orgId && change.UserId is { } userId:
                    var membership = await _store.GetMembershipAsync(orgId, userId).ConfigureAwait(false);
                    await WriteAsync(change.Revision, current => ApplyMembership(current, orgId, userId, membership?.Role)).ConfigureAwait(false);
                    break;
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

    private async Task ApplyOrganizationAsync(Organization organization, long revision)
    {
        // The resolver subscribed first, so its cache has already dropped what this write changed.
        var configs = new List<(Organization, TenantConfig)> { (organization, await _resolver.ResolveAsync(organization.Id).ConfigureAwait(false)) };
        if (organization.IsSystem)
        {
            // The system organization's configuration is a layer of everyone's resolution.
            foreach (var other in _current.Facts.Organizations.Where(o => o.Organization.Id != organization.Id).Select(static o => o.Organization))
            {
                configs.Add((other, await _resolver.ResolveAsync(other.Id).ConfigureAwait(false)));
            }
        }

        await WriteAsync(revision, current =>
        {
            var facts = current.Facts;
            foreach (var (org, config) in configs)
            {
                // Re-read through the facts so an organization deleted meanwhile is not brought back.
                facts = org.Id == organization.Id || facts.SlugOf(org.Id) is not null ? facts.WithOrganization(org, config) : facts;
            }

            return (facts, null);
        }).ConfigureAwait(false);
    }

    private static (TenantFacts Facts, Func<RuleList, RuleList>? Links) ApplyMembership(AuthorizationSnapshot current, Guid orgId, Guid userId, MembershipRole? role)
    {
        if (current.Facts.SlugOf(orgId) is not { } slug || !current.Facts.TryGet(slug, out var organization))
        {
            return (current.Facts, null);
        }

        MembershipRole? held = organization.Members.TryGetValue(userId, out var r) ? r : null;
        if (held == role)
        {
            return (current.Facts, null);
        }

        string[] Link(MembershipRole value) => [.. TenantFacts.Link(userId, value, slug).Fields];
        Func<RuleList, RuleList> links = (held, role) switch
        {
            ({ } oldRole, { } newRole) => list => list.Update(Link(oldRole), Link(newRole)),
            ({ } removed, null) => list => list.RemoveAll([Link(removed)]),
            _ => list => list.AddAllOrNone([Link(role!.Value)]),
        };
        return (current.Facts.WithMembership(slug, userId, role), links);
    }

    /// <summary>
    /// Under the write lock: computes the next facts and, when role links change with them, how; then publishes a
    /// snapshot marked with the store revision of the change (on an engine derived from the current one when links
    /// changed). A change that leaves the facts as they were publishes nothing (the decision cache stays).
    /// </summary>
    private async Task WriteAsync(long storeRevision, Func<AuthorizationSnapshot, (TenantFacts Facts, Func<RuleList, RuleList>? Links)> next)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var current = _current;
            var (facts, links) = next(current);
            if (!ReferenceEquals(facts, current.Facts))
            {
                var marked = facts.AtStoreRevision(storeRevision);
                Publish(links is null ? current.WithFacts(marked, current.Revision + 1) : current.WithRoleLinks(links, marked, current.Revision + 1), policyReloaded: false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
