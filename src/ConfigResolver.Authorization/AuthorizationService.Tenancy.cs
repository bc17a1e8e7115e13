using ConfigResolver.Policy.Compilation;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization;

public sealed partial class AuthorizationService
{
    /// <summary>
    /// Applies a run of organization and membership changes as one step: reads what they name (memberships, resolved
    /// configurations) first, then, under the write lock, folds them into the facts in order, collects the role links they
    /// change and publishes one snapshot marked with the last change's store revision. Never a recompile; a run that leaves
    /// the facts as they were publishes nothing (the decision cache stays).
    /// </summary>
    private async Task ApplyTenancyAsync(List<TenantChange> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        try
        {
            var steps = new List<Func<TenantFacts, List<PolicyChange>, TenantFacts>>(run.Count);
            foreach (var change in run)
            {
                steps.Add(await ReadStepAsync(change).ConfigureAwait(false));
            }

            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                var current = _current;
                var facts = current.Facts;
                var links = new List<PolicyChange>();
                foreach (var step in steps)
                {
                    facts = step(facts, links);
                }

                if (!ReferenceEquals(facts, current.Facts))
                {
                    var marked = facts.AtStoreRevision(run.Max(static c => c.Revision));
                    Publish(links.Count == 0 ? current.WithFacts(marked, current.Revision + 1) : current.WithRoleLinks(links, marked, current.Revision + 1), policyReloaded: false);
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }
#pragma warning disable CA1031 // A failed change must not break the feed chain; it is logged and the snapshot keeps serving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogChangeFailed(_logger, e, run[0].Kind, _current.Revision);
        }
    }

    /// <summary>Reads what one change needs from the store and the resolver; returns how it changes the facts and links.</summary>
    private async Task<Func<TenantFacts, List<PolicyChange>, TenantFacts>> ReadStepAsync(TenantChange change)
    {
        switch (change.Kind)
        {
            case TenantChangeKind.OrganizationCreated or TenantChangeKind.OrganizationUpdated:
                var organization = change.Organization!;

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

                // A plan change is an organization update: its limits (quota.*) are re-read with it.
                var planned = _store is ICommerceStore plans ? await plans.GetCommerceAsync(organization.Id).ConfigureAwait(false) : null;
                return (facts, _) =>
                {
                    foreach (var (org, config) in configs)
                    {
                        // Re-read through the facts so an organization deleted meanwhile is not brought back.
                        facts = org.Id == organization.Id || facts.SlugOf(org.Id) is not null ? facts.WithOrganization(org, config) : facts;
                    }

                    return planned is null ? facts : facts.WithCommerce(planned);
                };
            case TenantChangeKind.TeamsChanged:
                var commerce = await ((ICommerceStore)_store).GetCommerceAsync(change.OrganizationId!.Value).ConfigureAwait(false);
                return (facts, _) => facts.WithCommerce(commerce);
            case TenantChangeKind.OrganizationDeleted:
                var slug = change.OrganizationSlug!;
                return (facts, links) =>
                {
                    if (facts.TryGet(slug, out var deleted))
                    {
                        links.AddRange(deleted.Members.Select(m => new PolicyChange("g", PolicyChangeKind.Remove, LinkOf(m.Key, m.Value, slug))));
                    }

                    return facts.WithoutOrganization(slug);
                };
            default:
                var (orgId, userId) = (change.OrganizationId!.Value, change.UserId!.Value);
                var membership = await _store.GetMembershipAsync(orgId, userId).ConfigureAwait(false);
                return (facts, links) => ApplyMembership(facts, links, orgId, userId, membership?.Role);
        }
    }

    private static TenantFacts ApplyMembership(TenantFacts facts, List<PolicyChange> links, Guid orgId, Guid userId, MembershipRole? role)
    {
        if (facts.SlugOf(orgId) is not { } slug || !facts.TryGet(slug, out var organization))
        {
            return facts;
        }

        MembershipRole? held = organization.Members.TryGetValue(userId, out var r) ? r : null;
        if (held == role)
        {
            return facts;
        }

        links.Add((held, role) switch
        {
            ({ } oldRole, { } newRole) => new PolicyChange("g", PolicyChangeKind.Update, LinkOf(userId, oldRole, slug), LinkOf(userId, newRole, slug)),
            ({ } removed, null) => new PolicyChange("g", PolicyChangeKind.Remove, LinkOf(userId, removed, slug)),
            _ => new PolicyChange("g", PolicyChangeKind.Add, LinkOf(userId, role!.Value, slug)),
        });
        return facts.WithMembership(slug, userId, role);
    }

    private static string[] LinkOf(Guid userId, MembershipRole role, string slug) => [.. TenantFacts.Link(userId, role, slug).Fields];
}
