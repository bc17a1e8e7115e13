using ConfigResolver.Authorization.Facts;
using ConfigResolver.Resolution;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization;

public sealed partial class TenantFacts
{
    /// <summary>Adds or replaces an organization, keeping its members.</summary>
    internal TenantFacts WithOrganization(Organization organization, TenantConfig? config)
    {
        var view = ConfigView.Build(config);
        var orgs = _organizations;
        if (_slugs.TryGetValue(organization.Id, out var slug) && slug != organization.Slug)
        {
            orgs = orgs.Remove(slug);
        }

        var facts = orgs.TryGetValue(organization.Slug, out var existing)
            ? existing.WithOrganization(organization, view)
            : new OrgFacts(organization, view, LookupTable<Guid, MembershipRole>.Empty);
        return new TenantFacts(orgs.SetItem(organization.Slug, facts), _slugs.SetItem(organization.Id, organization.Slug), PlatformAdmins, StoreRevision);
    }

    /// <summary>Removes an organization and its memberships.</summary>
    internal TenantFacts WithoutOrganization(string slug)
    {
        if (!_organizations.TryGetValue(slug, out var existing))
        {
            return this;
        }

        return new TenantFacts(_organizations.Remove(slug), _slugs.Remove(existing.Organization.Id), existing.Organization.IsSystem ? [] : PlatformAdmins, StoreRevision);
    }

    /// <summary>Sets (or, with a null role, removes) one membership.</summary>
    internal TenantFacts WithMembership(string slug, Guid userId, MembershipRole? role)
    {
        if (!_organizations.TryGetValue(slug, out var existing))
        {
            return this;
        }

        var members = role is { } r ? existing.Members.SetItem(userId, r) : existing.Members.Remove(userId);
        var updated = existing.WithMembers(members);
        return new TenantFacts(
            _organizations.SetItem(slug, updated),
            _slugs,
            existing.Organization.IsSystem ? PlatformAdminsOf(updated) : PlatformAdmins,
            StoreRevision);
    }
}
