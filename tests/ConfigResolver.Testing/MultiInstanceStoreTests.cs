using Microsoft.Extensions.Time.Testing;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Testing;

/// <summary>
/// The contract for a store that several processes or instances share (SQLite file, PostgreSQL database, LiteDB file):
/// two instances, <see cref="A"/> and <see cref="B"/>, opened on the same data. Each instance's feed holds its own
/// writes and the other's, in revision order, with entities re-read; invariants hold across instances.
/// </summary>
public abstract class MultiInstanceStoreTests : IAsyncLifetime
{
    protected const string SystemSlug = "operator";

    /// <summary>The clock entities are stamped with: fixed, so entities read back compare equal.</summary>
    protected FakeTimeProvider Time { get; } = TestTime.CreateClock();

    protected ITenantStore A { get; private set; } = null!;

    protected ITenantStore B { get; private set; } = null!;

    /// <summary>Opens another instance on the test's shared data (the first call creates it).</summary>
    protected abstract ValueTask<ITenantStore> OpenInstanceAsync(ResolverOptions options, TimeProvider timeProvider);

    public virtual async Task InitializeAsync()
    {
        // The stores run on the real clock: their pollers must wake by themselves (a fake clock's timers fire only when
        // a test advances it), and nothing here depends on the time a store writes into its change log.
        A = await OpenInstanceAsync(new ResolverOptions { SystemSlug = SystemSlug }, TimeProvider.System);
        B = await OpenInstanceAsync(new ResolverOptions { SystemSlug = SystemSlug }, TimeProvider.System);
    }

    public virtual async Task DisposeAsync()
    {
        await DisposeInstanceAsync(B);
        await DisposeInstanceAsync(A);
    }

    [Fact]
    public async Task Writes_of_one_instance_reach_the_other_instances_feed_with_the_entities_read_back()
    {
        using var own = new ChangeRecorder(A);
        using var remote = new ChangeRecorder(B);
        var organization = TenantFactory.Organization("acme", Time);
        var ann = TenantFactory.User("ann@example.com", Time);

        await A.CreateOrganizationAsync(organization);
        await A.CreateUserAsync(ann);
        await A.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Owner));

        var seen = await remote.WaitForAsync(c => c.Count > 0 && c[^1].Revision == A.PublishedRevision);
        Assert.Equal(own.Changes.Select(c => (c.Kind, c.Revision, c.OrganizationId, c.UserId)), seen.Select(c => (c.Kind, c.Revision, c.OrganizationId, c.UserId)));
        Assert.All(seen, c => Assert.True(c.IsRemote));
        Assert.Equal(organization, seen[0].Organization);
        Assert.Equal((ann.Id, ann.Email), (seen[1].User?.Id, seen[1].User?.Email));
        Assert.Equal(organization.Id, seen[^1].User?.DefaultOrganizationId);
        Assert.Equal(A.PublishedRevision, B.PublishedRevision);
    }

    [Fact]
    public async Task A_policy_revision_published_on_one_instance_reaches_the_others_feed_and_reads()
    {
        using var remote = new ChangeRecorder(B);
        var draft = new PolicyRevisionDraft([new PolicyRevisionFile("roles.yaml", "kind: Roles\n")], "ann@example.com", "from A");

        var published = await A.PublishPolicyRevisionAsync(draft);

        var seen = await remote.WaitForAsync(c => c.Any(x => x.Revision == A.PublishedRevision));
        Assert.Equal((TenantChangeKind.PolicyRevisionPublished, true), (seen[^1].Kind, seen[^1].IsRemote));
        var onB = await B.GetCurrentPolicyRevisionAsync();
        Assert.Equal((published.Revision.Number, draft.ContentHash, "from A"), (onB!.Number, onB.Info.ContentHash, onB.Info.Message));
        Assert.False((await B.PublishPolicyRevisionAsync(draft)).Created);
    }

    [Fact]
    public async Task Each_instances_feed_holds_both_instances_writes_once_in_revision_order()
    {
        var start = A.PublishedRevision;
        using var onA = new ChangeRecorder(A);
        using var onB = new ChangeRecorder(B);

        await A.CreateOrganizationAsync(TenantFactory.Organization("one", Time));
        await B.CreateOrganizationAsync(TenantFactory.Organization("two", Time));
        await A.CreateOrganizationAsync(TenantFactory.Organization("three", Time));

        long[] expected = [start + 1, start + 2, start + 3];
        foreach (var recorder in new[] { onA, onB })
        {
            var changes = await recorder.WaitForAsync(c => c.Count >= 3);
            Assert.Equal(expected, changes.Select(c => c.Revision));
            Assert.Equal(["one", "two", "three"], changes.Select(c => c.OrganizationSlug));
        }

        Assert.Equal([false, true, false], onA.Changes.Select(c => c.IsRemote));
        Assert.Equal([true, false, true], onB.Changes.Select(c => c.IsRemote));
    }

    [Fact]
    public async Task A_remote_configuration_write_invalidates_the_other_instances_cached_snapshot()
    {
        var organization = TenantFactory.Organization("acme", Time, """{"version":1,"metadata":{"description":"before"}}""");
        await A.CreateOrganizationAsync(organization);
        using var resolver = new TenantConfigResolver(B, new ConfigurationBuilder().Build());
        using var remote = new ChangeRecorder(B);
        await remote.WaitForAsync(_ => B.PublishedRevision >= A.PublishedRevision);
        var before = await resolver.ResolveAsync("acme");

        await A.UpdateOrganizationAsync(organization with { Config = OrgConfigDocument.Parse("""{"version":1,"metadata":{"description":"after"}}""") });
        await remote.WaitForAsync(c => c.Any(x => x.Kind == TenantChangeKind.OrganizationUpdated));
        var after = await resolver.ResolveAsync("acme");

        Assert.Equal("before", before.Metadata.Description);
        Assert.Equal("after", after.Metadata.Description);
        Assert.Equal(A.PublishedRevision, after.StoreRevision);
        Assert.True(before.StoreRevision < after.StoreRevision);
    }

    [Fact]
    public async Task A_remote_system_organization_write_reaches_the_snapshots_that_fell_back_to_it()
    {
        await A.CreateOrganizationAsync(TenantFactory.Organization("acme", Time));
        using var resolver = new TenantConfigResolver(B, new ConfigurationBuilder().Build());
        using var remote = new ChangeRecorder(B);
        await remote.WaitForAsync(_ => B.PublishedRevision >= A.PublishedRevision);
        Assert.Null((await resolver.ResolveAsync("acme")).KbServer.Url);

        var system = await A.GetSystemOrganizationAsync();
        await A.UpdateOrganizationAsync(system with { Config = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"kb_server":{"url":"https://kb.example"}}}}""") });
        await remote.WaitForAsync(c => c.Any(x => x.IsSystemOrganization));

        Assert.Equal("https://kb.example", (await resolver.ResolveAsync("acme")).KbServer.Url);
    }

    [Fact]
    public async Task Two_instances_racing_to_demote_the_last_two_owners_leave_exactly_one_owner()
    {
        var organization = TenantFactory.Organization("acme", Time);
        var (ann, bob) = (TenantFactory.User("ann@example.com", Time), TenantFactory.User("bob@example.com", Time));
        await A.CreateOrganizationAsync(organization);
        await A.CreateUserAsync(ann);
        await A.CreateUserAsync(bob);
        await A.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Owner));
        await A.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Owner));

        var outcomes = await RaceAsync(
            () => A.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Member)),
            () => B.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Member)));

        var rejection = Assert.Single(outcomes.OfType<TenantValidationException>());
        Assert.Equal(DiagnosticCodes.LastOwnerDemotion, Assert.Single(rejection.Diagnostics).Code);
        Assert.Single(await B.ListMembershipsOfOrganizationAsync(organization.Id), m => m.Role == MembershipRole.Owner);
    }

    [Fact]
    public async Task Two_instances_racing_to_create_one_slug_let_exactly_one_win()
    {
        var outcomes = await RaceAsync(
            () => A.CreateOrganizationAsync(TenantFactory.Organization("race", Time)),
            () => B.CreateOrganizationAsync(TenantFactory.Organization("race", Time)));

        var rejection = Assert.Single(outcomes.OfType<TenantValidationException>());
        Assert.Contains(rejection.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateSlug);
        Assert.Single(await A.ListOrganizationsAsync(), o => o.Slug == "race");
    }

    protected static async ValueTask DisposeInstanceAsync(ITenantStore? store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>Starts both writes on their own threads at the same moment; returns null for a success, else the exception.</summary>
    protected static async Task<Exception?[]> RaceAsync(Func<Task> first, Func<Task> second)
    {
        using var start = new Barrier(2);
        var attempts = new[] { first, second }
            .Select(write => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return write();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();
        var outcomes = new Exception?[attempts.Length];
        for (var i = 0; i < attempts.Length; i++)
        {
            outcomes[i] = await Record.ExceptionAsync(() => attempts[i]);
        }

        Assert.Single(outcomes, o => o is null);
        return outcomes;
    }
}
