using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_new_store_has_logged_the_system_organization_as_revision_1()
    {
        var page = await Store.ReadChangeLogAsync(0, 10);

        var first = Assert.Single(page.Entries);
        var system = await Store.GetSystemOrganizationAsync();
        Assert.Equal((1L, TenantChangeKind.OrganizationCreated, system.Id, system.Slug), (first.Revision, first.Kind, first.OrganizationId, first.OrganizationSlug));
        Assert.Equal((1L, 1L, 1L), (page.OldestRevision, page.LatestRevision, Store.PublishedRevision));
    }

    [Fact]
    public async Task Every_write_appends_one_row_with_the_next_revision_its_ids_and_time()
    {
        var start = Store.PublishedRevision;
        var organization = await AddOrganizationAsync("acme");
        Time.Advance(TimeSpan.FromMinutes(1));
        var ann = await AddUserAsync("ann@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Owner));
        await Store.DeleteOrganizationAsync(organization.Id);

        var page = await Store.ReadChangeLogAsync(start, 100);

        Assert.Equal([start + 1, start + 2, start + 3, start + 4], page.Entries.Select(e => e.Revision));
        Assert.Equal(
            [TenantChangeKind.OrganizationCreated, TenantChangeKind.UserCreated, TenantChangeKind.MembershipSet, TenantChangeKind.OrganizationDeleted],
            page.Entries.Select(e => e.Kind));
        var (created, user, membership, deleted) = (page.Entries[0], page.Entries[1], page.Entries[2], page.Entries[3]);
        Assert.Equal((organization.Id, "acme", (Guid?)null), (created.OrganizationId, created.OrganizationSlug, created.UserId));
        Assert.Equal((ann.Id, (Guid?)null), (user.UserId, user.OrganizationId));
        Assert.Equal((organization.Id, "acme", ann.Id), (membership.OrganizationId, membership.OrganizationSlug, membership.UserId));
        Assert.Equal([ann.Id], membership.AffectedUserIds.ToArray());
        Assert.Equal([ann.Id], deleted.AffectedUserIds.ToArray());
        Assert.Equal(organization.CreatedAt.ToUnixTimeMilliseconds(), created.Time.ToUnixTimeMilliseconds());
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds(), deleted.Time.ToUnixTimeMilliseconds());
        Assert.Equal((start + 4, start + 4), (page.LatestRevision, Store.PublishedRevision));
    }

    [Fact]
    public async Task Every_change_of_a_write_is_published_with_the_revision_of_its_row()
    {
        var organization = await AddOrganizationAsync("acme");
        var ann = await AddUserAsync("ann@example.com");
        using var recorder = new ChangeRecorder(Store);

        await Store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Owner));

        var row = Assert.Single((await Store.ReadChangeLogAsync(Store.PublishedRevision - 1, 10)).Entries);
        Assert.Equal([(TenantChangeKind.MembershipSet, row.Revision), (TenantChangeKind.UserUpdated, row.Revision)], recorder.Changes.Select(c => (c.Kind, c.Revision)));
        Assert.All(recorder.Changes, c => Assert.False(c.IsRemote));
        Assert.Equal(row.Revision, Store.PublishedRevision);
    }

    [Fact]
    public async Task A_rejected_write_appends_no_row()
    {
        await AddOrganizationAsync("acme");
        var before = await Store.ReadChangeLogAsync(0, 100);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.CreateOrganizationAsync(TenantFactory.Organization("acme", Time)));

        Assert.Equal(before, await Store.ReadChangeLogAsync(0, 100), ChangeLogPageComparer.Instance);
        Assert.Equal(before.LatestRevision, Store.PublishedRevision);
    }

    [Fact]
    public async Task Reading_the_log_pages_in_revision_order()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddOrganizationAsync("org" + i);
        }

        var first = await Store.ReadChangeLogAsync(1, 2);
        var second = await Store.ReadChangeLogAsync(first.Entries[^1].Revision, 10);

        Assert.Equal([2L, 3L], first.Entries.Select(e => e.Revision));
        Assert.Equal([4L, 5L, 6L], second.Entries.Select(e => e.Revision));
        Assert.Equal(6, first.LatestRevision);
        Assert.Empty((await Store.ReadChangeLogAsync(6, 10)).Entries);
    }

    [Fact]
    public async Task Rows_older_than_the_retention_are_pruned_as_writes_commit_but_the_newest_stays()
    {
        await DisposeStoreAsync(Store);
        Store = await CreateStoreAsync(new ResolverOptions { SystemSlug = SystemSlug, ChangeLogRetention = TimeSpan.FromHours(1) }, Time);
        await AddOrganizationAsync("old");
        Time.Advance(TimeSpan.FromMinutes(90));

        await AddOrganizationAsync("new");
        var page = await Store.ReadChangeLogAsync(0, 100);

        var kept = Assert.Single(page.Entries);
        Assert.Equal(("new", kept.Revision, kept.Revision), (kept.OrganizationSlug, page.OldestRevision, page.LatestRevision));
        Assert.True(page.IsBehindHorizon(1));
        Assert.False(page.IsBehindHorizon(kept.Revision - 1));
    }

    [Fact]
    public async Task Organization_updates_are_logged_with_the_slug_that_names_them()
    {
        var organization = await AddOrganizationAsync("acme");
        var updated = organization with { Config = OrgConfigDocument.Parse("""{"version":1,"metadata":{"description":"d"}}""") };

        await Store.UpdateOrganizationAsync(updated);

        var row = (await Store.ReadChangeLogAsync(Store.PublishedRevision - 1, 10)).Entries.Single();
        Assert.Equal((TenantChangeKind.OrganizationUpdated, organization.Id, "acme"), (row.Kind, row.OrganizationId, row.OrganizationSlug));
    }
}
