using Microsoft.Extensions.Time.Testing;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Tests.Resolution;

/// <summary>Changes read from the change log (ids only, or a reset) invalidate exactly like local writes.</summary>
public sealed class ResolverRemoteChangeTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestTime.CreateClock();
    private readonly InMemoryTenantStore _inner;
    private readonly MutableFeedStore _store;
    private readonly TenantConfigResolver _resolver;

    public ResolverRemoteChangeTests()
    {
        _inner = new InMemoryTenantStore(timeProvider: _time);
        _store = new MutableFeedStore(_inner);
        _resolver = new TenantConfigResolver(_store, new ConfigurationBuilder().Build(), timeProvider: _time);
    }

    public void Dispose()
    {
        _resolver.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task Snapshots_record_the_store_revision_the_resolver_had_applied()
    {
        var acme = TenantFactory.Organization("acme", _time);
        await _store.CreateOrganizationAsync(acme);
        var first = await _resolver.ResolveAsync("acme");

        await _store.UpdateOrganizationAsync(acme with { Name = "Acme" });
        var second = await _resolver.ResolveAsync("acme");

        Assert.Equal(2, first.StoreRevision);
        Assert.Equal(3, second.StoreRevision);
        Assert.Equal(3, _resolver.AppliedStoreRevision);
    }

    [Fact]
    public async Task A_reset_drops_every_snapshot_and_the_system_organization_so_missed_writes_are_read()
    {
        var acme = TenantFactory.Organization("acme", _time, Description("before"));
        await _store.CreateOrganizationAsync(acme);
        await _resolver.ResolveAsync("acme");
        _store.Muted = true;
        await _store.UpdateOrganizationAsync(acme with { Config = OrgConfigDocument.Parse(Description("after")) });
        var system = await _store.GetSystemOrganizationAsync();
        await _store.UpdateOrganizationAsync(system with { Config = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"kb_server":{"url":"https://kb.example"}}}}""") });
        var stale = await _resolver.ResolveAsync("acme");

        _store.Publish(TenantChange.Reset(_inner.PublishedRevision));
        var fresh = await _resolver.ResolveAsync("acme");

        Assert.Equal(("before", (string?)null), (stale.Metadata.Description, stale.KbServer.Url));
        Assert.Equal(("after", "https://kb.example"), (fresh.Metadata.Description, fresh.KbServer.Url));
        Assert.Equal(_inner.PublishedRevision, fresh.StoreRevision);
    }

    [Fact]
    public async Task A_remote_update_without_the_organization_still_evicts_it_by_slug()
    {
        var acme = TenantFactory.Organization("acme", _time, Description("before"));
        await _store.CreateOrganizationAsync(acme);
        await _resolver.ResolveAsync("acme");
        _store.Muted = true;
        await _store.UpdateOrganizationAsync(acme with { Config = OrgConfigDocument.Parse(Description("after")) });

        _store.Publish(new TenantChange(TenantChangeKind.OrganizationUpdated) { OrganizationId = acme.Id, OrganizationSlug = "acme", Revision = 3, IsRemote = true });

        Assert.Equal("after", (await _resolver.ResolveAsync("acme")).Metadata.Description);
    }

    private static string Description(string text) => $$$"""{"version":1,"metadata":{"description":"{{{text}}}"}}""";
}
