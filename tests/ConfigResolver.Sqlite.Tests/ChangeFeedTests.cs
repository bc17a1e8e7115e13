using Microsoft.Extensions.Time.Testing;
using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>SQLite's side of the change feed: catching up through a write, the retention horizon, and polling's off switch.</summary>
public sealed class ChangeFeedTests : IDisposable
{
    private readonly Support.TempDatabase _database = new();
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Without_polling_a_store_publishes_the_rows_it_missed_before_its_own_next_write()
    {
        await using var a = await OpenAsync(ResolverOptions.DefaultChangeLogRetention);
        await using var b = await OpenAsync(ResolverOptions.DefaultChangeLogRetention, polling: false);
        using var recorder = new ChangeRecorder(b);

        await a.CreateOrganizationAsync(TenantFactory.Organization("one", _time));
        await a.CreateOrganizationAsync(TenantFactory.Organization("two", _time));
        Assert.Empty(recorder.Changes);
        await b.CreateOrganizationAsync(TenantFactory.Organization("three", _time));

        Assert.Equal([("one", 2L, true), ("two", 3L, true), ("three", 4L, false)], recorder.Changes.Select(c => (c.OrganizationSlug!, c.Revision, c.IsRemote)));
    }

    [Fact]
    public async Task A_store_that_fell_behind_the_pruned_horizon_publishes_one_reset_before_its_write()
    {
        var retention = TimeSpan.FromHours(1);
        await using var a = await OpenAsync(retention);
        await using var b = await OpenAsync(retention, polling: false);
        using var recorder = new ChangeRecorder(b);
        await a.CreateOrganizationAsync(TenantFactory.Organization("old", _time));
        _time.Advance(TimeSpan.FromHours(2));
        await a.CreateOrganizationAsync(TenantFactory.Organization("new", _time));

        await b.CreateOrganizationAsync(TenantFactory.Organization("mine", _time));

        Assert.Equal([(TenantChangeKind.Reset, 3L), (TenantChangeKind.OrganizationCreated, 4L)], recorder.Changes.Select(c => (c.Kind, c.Revision)));
    }

    [Fact]
    public async Task Disposing_a_polling_store_stops_its_poller_and_leaves_the_file_closed()
    {
        var store = await OpenAsync(ResolverOptions.DefaultChangeLogRetention);
        await store.CreateOrganizationAsync(TenantFactory.Organization("one", _time));

        await store.DisposeAsync();

        Assert.True(store.FeedHealth.IsUp);
        File.Delete(_database.Path);
        Assert.False(File.Exists(_database.Path));
    }

    private Task<SqliteTenantStore> OpenAsync(TimeSpan retention, bool polling = true) =>
        SqliteTenantStore.OpenAsync(
            _database.Path,
            new ResolverOptions { ChangeLogRetention = retention, ChangePollInterval = polling ? TimeSpan.FromMilliseconds(20) : Timeout.InfiniteTimeSpan },
            _time);
}
