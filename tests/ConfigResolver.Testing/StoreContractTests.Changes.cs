using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Every_committed_write_is_published_in_commit_order()
    {
        using var recorder = new ChangeRecorder(Store);
        var organization = await AddOrganizationAsync("acme");
        var ann = await AddUserAsync("ann@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Owner));
        var updated = organization with { Config = OrgConfigDocument.Parse("""{"version":1,"metadata":{"description":"d"}}""") };
        await Store.UpdateOrganizationAsync(updated);
        await Store.DeleteOrganizationAsync(organization.Id);

        var kinds = recorder.Changes.Select(c => c.Kind);
        Assert.Equal(
            [
                TenantChangeKind.OrganizationCreated,
                TenantChangeKind.UserCreated,
                TenantChangeKind.MembershipSet,
                TenantChangeKind.UserUpdated,
                TenantChangeKind.OrganizationUpdated,
                TenantChangeKind.OrganizationDeleted,
                TenantChangeKind.UserUpdated,
            ],
            kinds);
        var changes = recorder.Changes;
        Assert.Equal(organization, changes[0].Organization);
        Assert.Equal(ann.Id, changes[2].UserId);
        Assert.Equal(("acme", organization.Id), (changes[2].OrganizationSlug, changes[2].OrganizationId));
        Assert.Equal(organization.Id, changes[3].User?.DefaultOrganizationId);
        Assert.Equal(updated, changes[4].Organization);
        Assert.Equal(("acme", organization.Id), (changes[5].OrganizationSlug, changes[5].OrganizationId));
        Assert.Null(changes[6].User?.DefaultOrganizationId);
    }

    [Fact]
    public async Task A_change_to_the_system_organization_says_so()
    {
        using var recorder = new ChangeRecorder(Store);
        var system = await Store.GetSystemOrganizationAsync();

        await Store.UpdateOrganizationAsync(system with { Name = "Operator" });

        Assert.True(Assert.Single(recorder.Changes).IsSystemOrganization);
    }

    [Fact]
    public async Task The_store_already_holds_the_write_when_its_change_is_published()
    {
        var seen = new List<Organization?>();
        using var subscription = Store.Subscribe(change =>
        {
            if (change.OrganizationId is { } id)
            {
                seen.Add(Store.GetOrganizationAsync(id).AsTask().GetAwaiter().GetResult());
            }
        });

        var organization = await AddOrganizationAsync("acme");

        Assert.Equal(organization, Assert.Single(seen));
    }

    [Fact]
    public async Task Disposing_a_subscription_stops_its_notifications()
    {
        var recorder = new ChangeRecorder(Store);
        await AddOrganizationAsync("first");
        recorder.Dispose();

        await AddOrganizationAsync("second");

        Assert.Equal(["first"], recorder.Changes.Select(c => c.OrganizationSlug));
    }

    [Fact]
    public async Task A_failing_subscriber_neither_fails_the_write_nor_starves_other_subscribers()
    {
        using var failing = Store.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        using var recorder = new ChangeRecorder(Store);

        var organization = await AddOrganizationAsync("acme");

        Assert.Equal(organization, await Store.GetOrganizationAsync(organization.Id));
        Assert.Single(recorder.Changes);
    }
}
