using ConfigResolver.Stores.Tests.Support;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Stores.Tests;

/// <summary>
/// Two real OS processes on one store: this test process writes, the probe process watches through its own resolver
/// (and, for PostgreSQL, its own AuthorizationService). The probe must print the new value, with the revision of the
/// write, without restarting.
/// </summary>
[Collection(StoresPostgresServerGroup.Name)]
public sealed class CrossProcessPropagationTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-xproc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("litedb")]
    [InlineData("postgres")]
    public async Task A_configuration_write_in_one_process_reaches_the_cached_resolve_of_another(string kind)
    {
        var locator = kind switch
        {
            "sqlite" => Path.Combine(_folder, "tenancy.db"),
            "litedb" => "litedb:" + Path.Combine(_folder, "tenancy.litedb"),
            _ => await fixture.Server.CreateDatabaseAsync(),
        };
        await using var writer = await TenantStoreLocator.OpenAsync(locator);
        await writer.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Description("first") });
        await using var watcher = ProbeProcess.Start("watch", locator, "acme");
        await watcher.WaitForLineAsync(l => l.StartsWith("resolve ", StringComparison.Ordinal) && l.Contains(" first ", StringComparison.Ordinal));

        for (var i = 1; i <= 3; i++)
        {
            await writer.Administration.SetConfigAsync("acme", Description("v" + i));
            var revision = writer.Store.PublishedRevision;
            var line = await watcher.WaitForLineAsync(l => l.StartsWith("resolve ", StringComparison.Ordinal));
            Assert.StartsWith($"resolve {revision} v{i} ", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_membership_change_in_one_process_flips_the_other_processes_authorization_check()
    {
        var locator = await fixture.Server.CreateDatabaseAsync();
        await using var writer = await TenantStoreLocator.OpenAsync(locator);
        var admin = writer.Administration;
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        await admin.AddUserAsync("owner@acme.example", null);
        await admin.AddUserAsync("mia@acme.example", null);
        await admin.SetMembershipAsync("acme", "owner@acme.example", MembershipRole.Owner);
        await admin.SetMembershipAsync("acme", "mia@acme.example", MembershipRole.Viewer);
        var policies = Path.Combine(TestPaths.RepositoryRoot, "policies");
        await using var watcher = ProbeProcess.Start("watch", locator, "acme", policies, "mia@acme.example", "agents:write");
        await watcher.WaitForLineAsync(l => l.StartsWith("check ", StringComparison.Ordinal) && l.Contains(" deny ", StringComparison.Ordinal));

        await admin.SetMembershipAsync("acme", "mia@acme.example", MembershipRole.Member);
        var promoted = await watcher.WaitForLineAsync(l => l.StartsWith("check ", StringComparison.Ordinal));
        await admin.SetMembershipAsync("acme", "mia@acme.example", MembershipRole.Viewer);
        var demoted = await watcher.WaitForLineAsync(l => l.StartsWith("check ", StringComparison.Ordinal));

        Assert.StartsWith($"check {writer.Store.PublishedRevision - 1} allow ", promoted, StringComparison.Ordinal);
        Assert.StartsWith($"check {writer.Store.PublishedRevision} deny ", demoted, StringComparison.Ordinal);
    }

    private static string Description(string text) => $$$"""{"version":1,"metadata":{"description":"{{{text}}}"}}""";
}

[CollectionDefinition(Name)]
public sealed class StoresPostgresServerGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server for cross-process tests";
}
