using System.Collections.Immutable;
using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.Storage;

/// <summary>How a feed turns change-log reads into published changes: in order, once, or one reset after a pruned gap.</summary>
public sealed class ChangeFeedRevisionTests
{
    private static readonly DateTimeOffset s_time = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<long, long[], long, long, string> Reads => new()
    {
        // published, rows read, oldest, latest, expected published changes
        { 3, [4, 5], 1, 5, "4:OrganizationCreated 5:OrganizationCreated" },
        { 4, [3, 4, 5], 1, 5, "5:OrganizationCreated" },
        { 5, [], 1, 5, "" },
        { 3, [6, 7], 6, 7, "7:Reset" },
        { 3, [], 0, 9, "9:Reset" },
        { 3, [4, 6], 4, 6, "4:OrganizationCreated 6:Reset" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void Log_rows_are_published_once_in_order_and_a_gap_becomes_one_reset(long published, long[] rows, long oldest, long latest, string expected)
    {
        var broadcaster = new TenantChangeBroadcaster();
        broadcaster.StartAt(published);
        var seen = new List<TenantChange>();
        using var subscription = broadcaster.Subscribe(seen.Add);
        var page = new ChangeLogPage([.. rows.Select(r => new ChangeLogEntry(r, TenantChangeKind.OrganizationCreated, s_time) { OrganizationId = Guid.NewGuid(), OrganizationSlug = "o" + r })], oldest, latest);

        broadcaster.PublishFromLog(page, e => e.ToChanges(_ => null, _ => null));

        Assert.Equal(expected, string.Join(' ', seen.Select(c => $"{c.Revision}:{c.Kind}")));
        Assert.Equal(Math.Max(published, seen.Count == 0 ? published : seen[^1].Revision), broadcaster.PublishedRevision);
    }

    [Fact]
    public void A_log_row_rebuilds_the_writers_changes_with_entities_read_now()
    {
        var (org, ann, bob) = (TenantFactory.Organization("acme", TestTime.CreateClock()), Guid.NewGuid(), Guid.NewGuid());
        var changes = ImmutableArray.Create(TenantChange.OrganizationDeleted(org.Id, "acme"), new TenantChange(TenantChangeKind.UserUpdated) { UserId = ann }, new TenantChange(TenantChangeKind.UserUpdated) { UserId = bob });

        var entry = ChangeLogEntry.FromChanges(7, s_time, changes);
        var rebuilt = entry.ToChanges(_ => null, id => id == ann ? TenantFactory.User("ann@example.com", TestTime.CreateClock()) with { Id = ann } : null);

        Assert.Equal([ann, bob], entry.AffectedUserIds.ToArray());
        Assert.Equal(changes.Select(c => (c.Kind, c.OrganizationId, c.OrganizationSlug, c.UserId)), rebuilt.Select(c => (c.Kind, c.OrganizationId, c.OrganizationSlug, c.UserId)));
        Assert.All(rebuilt, c => Assert.True(c.IsRemote && c.Revision == 7));
        Assert.Equal(("ann@example.com", (object?)null), (rebuilt[1].User?.Email, (object?)rebuilt[2].User));
    }

    [Theory]
    [InlineData(TenantChangeKind.OrganizationCreated)]
    [InlineData(TenantChangeKind.MembershipRemoved)]
    [InlineData(TenantChangeKind.PolicyRevisionPublished)]
    [InlineData(TenantChangeKind.Reset)]
    public void Kinds_round_trip_through_their_wire_names(TenantChangeKind kind) =>
        Assert.Equal(kind, ChangeLogKinds.Parse(ChangeLogKinds.ToName(kind)));

    [Fact]
    public void A_kind_a_newer_writer_invented_reads_as_a_reset() =>
        Assert.Equal(TenantChangeKind.Reset, ChangeLogKinds.Parse("policy_bundle_v9"));
}
