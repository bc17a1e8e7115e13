using ConfigResolver.Diagnostics;
using ConfigResolver.Sqlite.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Testing;
using ConfigResolver.Validation;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>Several stores on one file stand in for several processes: SQLite's write lock serializes them.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Writers = 4;
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    public static TheoryData<string, string> UniqueValues() => new()
    {
        { "slug", DiagnosticCodes.DuplicateSlug },
        { "email", DiagnosticCodes.DuplicateEmail },
        { "signup key", DiagnosticCodes.DuplicateSignupKey },
    };

    [Theory]
    [MemberData(nameof(UniqueValues))]
    public async Task Stores_on_one_file_racing_for_one_unique_value_let_exactly_one_win(string value, string code)
    {
        var stores = new List<SqliteTenantStore>();
        for (var i = 0; i < Writers; i++)
        {
            stores.Add(await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time));
        }

        try
        {
            var writes = stores.Select((store, i) => (Func<Task>)(value switch
            {
                "slug" => () => store.CreateOrganizationAsync(TenantFactory.Organization("race", _time)),
                "email" => () => store.CreateUserAsync(TenantFactory.User(i % 2 == 0 ? "ann@example.com" : "ANN@example.com", _time)),
                _ => () => store.CreateOrganizationAsync(TenantFactory.Organization($"org-{i}", _time, TenantFactory.ConfigWithSignupKey("join-race-2026"))),
            })).ToArray();

            var outcomes = await RaceAsync(writes);

            Assert.Equal(1, outcomes.Count(o => o is null));
            Assert.All(outcomes.OfType<Exception>(), e => Assert.Contains(Assert.IsType<TenantValidationException>(e).Diagnostics, d => d.Code == code));
            var organizations = await stores[0].ListOrganizationsAsync();
            var users = await stores[0].ListUsersAsync();
            Assert.Equal(value == "email" ? 1 : 2, value == "email" ? users.Length : organizations.Length);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Concurrent_writes_through_one_store_all_commit_and_are_published_once_each()
    {
        await using var store = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time);
        using var recorder = new ChangeRecorder(store);

        var outcomes = await RaceAsync([.. Enumerable.Range(0, 16).Select(i => (Func<Task>)(() => store.CreateUserAsync(TenantFactory.User($"user{i:D2}@example.com", _time))))]);

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(16, (await store.ListUsersAsync()).Length);
        Assert.Equal(16, recorder.Changes.Select(c => c.UserId).Distinct().Count());
    }

    [Fact]
    public async Task Reads_do_not_wait_for_a_writer_holding_an_open_transaction()
    {
        await using var store = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time);
        using var writer = RawSql.Open(_database.Path);

        // EXCLUSIVE: without WAL this lock would shut readers out until the writer finishes.
        RawSql.Execute(writer, "BEGIN EXCLUSIVE");
        RawSql.Execute(writer, "INSERT INTO users (id, email, email_normalized, created_at, updated_at) VALUES ('u1', 'x@example.com', 'x@example.com', 't', 't')");

        // Would hang (and time out) if a read waited for the writer.
        var users = await store.ListUsersAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var organizations = await store.ListOrganizationsAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(users);
        Assert.Single(organizations);
    }

    [Fact]
    public async Task A_write_blocked_past_the_busy_timeout_fails_as_transient_and_changes_nothing()
    {
        await using var store = await SqliteTenantStore.OpenAsync(_database.Path, null, _time, null, TimeSpan.FromMilliseconds(50));
        var before = await StoreDump.CaptureAsync(store);
        using var writer = RawSql.Open(_database.Path);
        using var transaction = writer.BeginTransaction(deferred: false);

        var exception = await Assert.ThrowsAsync<TenantStoreException>(() => store.CreateOrganizationAsync(TenantFactory.Organization("acme", _time)));

        Assert.Equal(("CreateOrganization", "acme", "5", true), (exception.Operation, exception.Organization, exception.ProviderCode, exception.IsTransient));
        Assert.EndsWith("Retrying may help.", Assert.Single(exception.Diagnostics).Message, StringComparison.Ordinal);
        transaction.Rollback();
        Assert.Equal(before, await StoreDump.CaptureAsync(store));
        await store.CreateOrganizationAsync(TenantFactory.Organization("acme", _time));
    }

    /// <summary>Starts every write on its own thread at the same moment; returns each outcome (null for success).</summary>
    private static async Task<Exception?[]> RaceAsync(Func<Task>[] writes)
    {
        using var start = new Barrier(writes.Length);
        var attempts = writes.Select(write => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return write();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        var outcomes = new Exception?[attempts.Length];
        for (var i = 0; i < attempts.Length; i++)
        {
            outcomes[i] = await Record.ExceptionAsync(() => attempts[i]);
        }

        return outcomes;
    }

    public void Dispose() => _database.Dispose();
}
