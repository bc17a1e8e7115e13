namespace ConfigResolver.Testing;

/// <summary>
/// One throwaway server for the whole test run, shared by every class of a test assembly's collection. Without
/// server binaries (and without <c>CFGR_TEST_POSTGRES</c>) every PostgreSQL test fails with one line saying what to install.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresTestServer? _server;

    public PostgresTestServer Server => _server ?? throw new InvalidOperationException(PostgresTestServer.MissingBinaries);

    public async Task InitializeAsync() => _server = await PostgresTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
