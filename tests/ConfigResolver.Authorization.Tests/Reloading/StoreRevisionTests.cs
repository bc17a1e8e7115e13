using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Authorization.Tests.Reloading;

/// <summary>Decisions say which store revision they reflect; a feed reset re-reads every membership.</summary>
public sealed class StoreRevisionTests : IDisposable
{
    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_decision_reports_the_store_revision_of_the_change_that_produced_its_snapshot()
    {
        var acme = await _sandbox.OrgAsync("acme");
        await _sandbox.UserAsync(acme, MembershipRole.Owner);
        var mia = await _sandbox.UserAsync(acme, MembershipRole.Viewer);
        using var service = await _sandbox.StartAsync();
        var before = service.Check(Principal.ForUser(mia), "acme", "agents:write");

        await _sandbox.Store.SetMembershipAsync(new Membership(acme.Id, mia, MembershipRole.Member));
        await service.WhenChangesAppliedAsync();
        var after = service.Check(Principal.ForUser(mia), "acme", "agents:write");

        Assert.Equal(_sandbox.Store.PublishedRevision - 1, before.StoreRevision);
        Assert.Equal(_sandbox.Store.PublishedRevision, after.StoreRevision);
        Assert.Equal(after.StoreRevision, service.Current.StoreRevision);
        Assert.Equal(0, default(Decision).StoreRevision);
    }

    [Fact]
    public async Task A_reset_rereads_every_organization_and_membership_the_instance_missed()
    {
        var acme = await _sandbox.OrgAsync("acme");
        await _sandbox.UserAsync(acme, MembershipRole.Owner);
        var mia = await _sandbox.UserAsync(acme, MembershipRole.Viewer);
        using var store = new MutableFeedStore(_sandbox.Store);
        using var resolver = new TenantConfigResolver(store, new ConfigurationBuilder().Build(), timeProvider: TestTime.Fixed);
        using var service = await AuthorizationService.StartAsync(new AuthorizationOptions { PolicyDirectory = _sandbox.Directory }, store, resolver);
        store.Muted = true;
        await store.SetMembershipAsync(new Membership(acme.Id, mia, MembershipRole.Admin));
        var globex = await _sandbox.OrgAsync("globex");
        await _sandbox.UserAsync(globex, MembershipRole.Owner);
        var missed = service.Check(Principal.ForUser(mia), "acme", "agents:delete");

        store.Publish(TenantChange.Reset(_sandbox.Store.PublishedRevision));
        await service.WhenChangesAppliedAsync();
        var reread = service.Check(Principal.ForUser(mia), "acme", "agents:delete");

        Assert.False(missed.Allowed);
        Assert.True(reread.Allowed);
        Assert.Equal(3, service.Current.Facts.OrganizationCount);
        Assert.Equal(_sandbox.Store.PublishedRevision, reread.StoreRevision);
    }
}
