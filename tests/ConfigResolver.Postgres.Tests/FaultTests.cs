using ConfigResolver.Configuration;
using ConfigResolver.Postgres.Tests.Support;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ConfigResolver.Postgres.Tests;

/// <summary>
/// The listener's connection killed and the server restarted mid-run: writes fail cleanly with nothing half-written,
/// cached reads keep serving, the listener reports down and since when, and once it is back the feed catches up so no
/// cache stays stale. The restart test runs last in the collection's order only by chance; it restarts the shared server.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class FaultTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly PostgresStoreOptions s_fastReconnect = new() { ReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(400) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.Zero };
    private string _connectionString = null!;
    private PostgresTenantStore _writer = null!;
    private PostgresTenantStore _follower = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await fixture.Server.CreateDatabaseAsync();
        _writer = await PostgresTenantStore.OpenAsync(_connectionString, postgres: s_fastReconnect);
        _follower = await PostgresTenantStore.OpenAsync(_connectionString, postgres: s_fastReconnect, timeProvider: _time);
        await WaitUntilAsync(() => _follower.FeedHealth.IsUp);
    }

    public async Task DisposeAsync()
    {
        await _follower.DisposeAsync();
        await _writer.DisposeAsync();
    }

    [Fact]
    public async Task A_terminated_listener_reports_down_reconnects_and_catches_up_with_what_it_missed()
    {
        var organization = TenantFactory.Organization("acme", _time, Description("before"));
        await _writer.CreateOrganizationAsync(organization);
        using var resolver = new TenantConfigResolver(_follower, new ConfigurationBuilder().Build());
        await WaitUntilAsync(() => _follower.PublishedRevision == _writer.PublishedRevision);
        Assert.Equal("before", (await resolver.ResolveAsync("acme")).Metadata.Description);
        var upSince = _follower.FeedHealth.Since;

        _time.Advance(TimeSpan.FromMinutes(5));
        // Both instances listen; the follower's reconnect waits run on the fake clock, which WaitUntilAsync advances.
        Assert.Equal(2, await fixture.Server.TerminateListenersAsync(new NpgsqlConnectionStringBuilder(_connectionString).Database!));
        await _writer.UpdateOrganizationAsync(organization with { Config = OrgConfigDocument.Parse(Description("after")) });
        await WaitUntilAsync(() => _follower.PublishedRevision == _writer.PublishedRevision);

        Assert.Equal("after", (await resolver.ResolveAsync("acme")).Metadata.Description);
        Assert.True(_follower.FeedHealth.IsUp);
        Assert.True(_follower.FeedHealth.Since > upSince);
    }

    [Fact]
    public async Task While_the_server_is_down_writes_fail_cleanly_cached_reads_serve_and_afterwards_nothing_stays_stale()
    {
        Assert.True(fixture.Server.IsOwned, "This test restarts the server; run it against a server this process started.");
        var organization = TenantFactory.Organization("acme", _time, Description("before"));
        await _writer.CreateOrganizationAsync(organization);
        using var resolver = new TenantConfigResolver(_follower, new ConfigurationBuilder().Build());
        await WaitUntilAsync(() => _follower.PublishedRevision == _writer.PublishedRevision);
        var cached = await resolver.ResolveAsync("acme");
        var revisionBefore = _writer.PublishedRevision;

        _time.Advance(TimeSpan.FromSeconds(30));
        var downAt = _time.GetUtcNow();
        await fixture.Server.StopServerAsync();
        TenantStoreException failure;
        try
        {
            failure = await Assert.ThrowsAsync<TenantStoreException>(() => _writer.UpdateOrganizationAsync(organization with { Name = "never written" }));
            await WaitUntilAsync(() => !_follower.FeedHealth.IsUp, advanceClock: false);
            Assert.Same(cached, await resolver.ResolveAsync("acme"));
        }
        finally
        {
            await fixture.Server.StartServerAsync();
        }

        Assert.True(failure.IsTransient);
        Assert.Equal("UpdateOrganization", failure.Operation);
        Assert.DoesNotContain(PostgresTestServer.Password, failure.Message, StringComparison.Ordinal);
        Assert.Equal(downAt, _follower.FeedHealth.Since);
        Assert.DoesNotContain(PostgresTestServer.Password, _follower.FeedHealth.LastError!, StringComparison.Ordinal);

        await WaitUntilAsync(() => _follower.FeedHealth.IsUp, TimeSpan.FromSeconds(30));
        Assert.Equal("Org acme", (await _writer.GetOrganizationAsync(organization.Id))!.Name);
        Assert.Equal(revisionBefore, (await _writer.ReadChangeLogAsync(0, 100)).LatestRevision);
        await _writer.UpdateOrganizationAsync(organization with { Config = OrgConfigDocument.Parse(Description("after")) });
        await WaitUntilAsync(() => _follower.PublishedRevision == _writer.PublishedRevision);
        Assert.Equal("after", (await resolver.ResolveAsync("acme")).Metadata.Description);
    }

    private static string Description(string text) => $$$"""{"version":1,"metadata":{"description":"{{{text}}}"}}""";

    /// <summary>Polls the condition on the real clock; by default also moves the fake clock, so the follower's reconnect waits elapse.</summary>
    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, bool advanceClock = true)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The condition did not hold in time.");
            await Task.Delay(20);
            if (advanceClock)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
