using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Benchmarks.Access;

/// <summary>
/// What the access benchmarks share: organizations with members, one service key (agents:*, tools:read) per organization
/// and one key acting for a member, created with real secrets so authentication does its real work.
/// </summary>
internal sealed class AccessWorld
{
    public const int Organizations = 256;

    public List<(string Secret, ApiKey Key)> Keys { get; } = [];

    public List<(Guid User, string Org)> Members { get; } = [];

    public static async Task<AccessWorld> SeedAsync(ITenantStore store, AccessOptions options)
    {
        var world = new AccessWorld();
        var secrets = new AccessSecrets(options);
        var now = options.TimeProvider.GetUtcNow();
        for (var o = 0; o < Organizations; o++)
        {
            var slug = $"org-{o:D4}";
            var organization = new Organization { Id = Guid.CreateVersion7(now), Slug = slug, Name = slug, CreatedAt = now, UpdatedAt = now };
            await store.CreateOrganizationAsync(organization);
            var owner = new User { Id = Guid.CreateVersion7(now), Email = $"owner@{slug}.example", CreatedAt = now, UpdatedAt = now };
            var member = new User { Id = Guid.CreateVersion7(now), Email = $"member@{slug}.example", CreatedAt = now, UpdatedAt = now };
            await store.CreateUserAsync(owner);
            await store.CreateUserAsync(member);
            await store.SetMembershipAsync(new Membership(organization.Id, owner.Id, MembershipRole.Owner));
            await store.SetMembershipAsync(new Membership(organization.Id, member.Id, MembershipRole.Member));
            world.Members.Add((member.Id, slug));
            foreach (var actAs in new Guid?[] { null, member.Id })
            {
                var (prefix, secret, text) = secrets.NewKey();
                var key = new ApiKey
                {
                    Id = secrets.NewId(),
                    OrganizationId = organization.Id,
                    OrganizationSlug = slug,
                    Name = "bench",
                    Prefix = prefix,
                    SecretHash = Convert.ToHexStringLower(secrets.HashSecret(secret)),
                    Scopes = actAs is null ? ["agents:*", "tools:read"] : ["*:*"],
                    ActAsUserId = actAs,
                    CreatedAt = now,
                };
                await store.CreateApiKeyAsync(key);
                world.Keys.Add((text, key));
            }
        }

        return world;
    }

    public static Principal PrincipalOf(ApiKey key) => Principal.ForApiKey(key.Id.ToString("D"), key.OrganizationSlug, key.Scopes, key.ActAsUserId);
}
