using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Authorization.Tests.Support;

/// <summary>A temporary copy of the shipped policy directory plus an in-memory store with a few tenants.</summary>
internal sealed class PolicySandbox : IDisposable
{
    public PolicySandbox()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cfgr-authz-").FullName;
        foreach (var file in System.IO.Directory.EnumerateFiles(RepoPaths.Policies, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(RepoPaths.Policies, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Store = new InMemoryTenantStore(timeProvider: TestTime.Fixed);
        Resolver = new TenantConfigResolver(Store, new ConfigurationBuilder().Build(), timeProvider: TestTime.Fixed);
    }

    public string Directory { get; }

    public InMemoryTenantStore Store { get; }

    public TenantConfigResolver Resolver { get; }

    public string Path_(string relative) => Path.Combine(Directory, relative);

    public void Write(string relative, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path_(relative))!);
        File.WriteAllText(Path_(relative), text);
    }

    public async Task<Organization> OrgAsync(string slug, OrganizationStatus status = OrganizationStatus.Active)
    {
        var now = TestTime.Fixed.GetUtcNow();
        var org = new Organization { Id = Guid.NewGuid(), Slug = slug, Name = slug, Status = status, CreatedAt = now, UpdatedAt = now };
        await Store.CreateOrganizationAsync(org);
        return org;
    }

    public async Task<Guid> UserAsync(Organization org, MembershipRole role)
    {
        var now = TestTime.Fixed.GetUtcNow();
        var user = new User { Id = Guid.NewGuid(), Email = $"{Guid.NewGuid():N}@example.com", CreatedAt = now, UpdatedAt = now };
        await Store.CreateUserAsync(user);
        await Store.SetMembershipAsync(new Membership(org.Id, user.Id, role));
        return user.Id;
    }

    public Task<AuthorizationService> StartAsync(bool watch = false) =>
        AuthorizationService.StartAsync(
            new AuthorizationOptions { PolicyDirectory = Directory, WatchForChanges = watch, ReloadDebounce = TimeSpan.FromMilliseconds(50) },
            Store,
            Resolver);

    public void Dispose()
    {
        Resolver.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
