using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Authorization.Tests.Support;

/// <summary>A few organizations and members as plain facts, for snapshot tests that need no store.</summary>
internal sealed class TenantWorld
{
    private readonly List<Organization> _organizations = [];
    private readonly List<Membership> _memberships = [];

    public TenantWorld()
    {
        System = Org("system", OrganizationStatus.Active, isSystem: true);
    }

    public Organization System { get; }

    public Organization Org(string slug, OrganizationStatus status = OrganizationStatus.Active, string plan = "pro", bool isSystem = false)
    {
        var org = new Organization
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Name = slug,
            Status = status,
            Plan = plan,
            IsSystem = isSystem,
            CreatedAt = TestTime.Fixed.GetUtcNow(),
            UpdatedAt = TestTime.Fixed.GetUtcNow(),
        };
        _organizations.Add(org);
        return org;
    }

    public Guid Member(Organization org, MembershipRole role, Guid? user = null)
    {
        var id = user ?? Guid.NewGuid();
        _memberships.Add(new Membership(org.Id, id, role));
        return id;
    }

    public TenantFacts Facts(IReadOnlyDictionary<Guid, TenantConfig>? configs = null) =>
        TenantFacts.Create(_organizations, _memberships, configs ?? new Dictionary<Guid, TenantConfig>());

    public AuthorizationSnapshot Snapshot(CompiledPolicy policy, bool cache = true, TimeProvider? clock = null) =>
        AuthorizationSnapshot.Create(policy, Facts(), new AuthorizationOptions { EnableDecisionCache = cache, TimeProvider = clock ?? TestTime.Fixed });

    public static async Task<InMemoryTenantStore> StoreAsync() =>
        await Task.FromResult(new InMemoryTenantStore(timeProvider: TestTime.Fixed));
}
