using System.Net;
using System.Net.Sockets;
using ConfigResolver.Postgres.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Testing;
using Npgsql;

namespace ConfigResolver.Postgres.Tests;

/// <summary>A store that cannot be opened says why in one message, with the SQLSTATE, and never with the password.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class ConnectionErrorTests(PostgresFixture fixture)
{
    private const string WrongPassword = "not-the-password-81c2";

    [Fact]
    public async Task A_wrong_password_is_refused_with_28P01_and_the_password_is_never_printed()
    {
        var connection = new NpgsqlConnectionStringBuilder(fixture.Server.AdminConnectionString) { Password = WrongPassword }.ConnectionString;

        var failure = await Assert.ThrowsAsync<TenantStoreException>(() => PostgresTenantStore.OpenAsync(connection));

        Assert.Equal(("Open", "28P01", false), (failure.Operation, failure.ProviderCode, failure.IsTransient));
        Assert.Contains("refused the credentials", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'postgres@127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_named_with_3D000()
    {
        var connection = new NpgsqlConnectionStringBuilder(fixture.Server.AdminConnectionString) { Database = "no_such_db" }.ConnectionString;

        var failure = await Assert.ThrowsAsync<TenantStoreException>(() => PostgresTenantStore.OpenAsync(connection));

        Assert.Equal("3D000", failure.ProviderCode);
        Assert.Contains("/no_such_db' does not exist", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresTestServer.Password, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_failure_that_names_host_and_port()
    {
        var port = ClosedPort();
        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "app", Password = WrongPassword, Database = "cfgr", Timeout = 3 }.ConnectionString;

        var failure = await Assert.ThrowsAsync<TenantStoreException>(() => PostgresTenantStore.OpenAsync(connection));

        Assert.True(failure.IsTransient);
        Assert.Contains($"cannot reach the PostgreSQL server 'app@127.0.0.1:{port}/cfgr'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_an_argument_error_that_does_not_repeat_values()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => PostgresTenantStore.OpenAsync("Host=localhost;Pasword=" + WrongPassword));

        Assert.DoesNotContain(WrongPassword, failure.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
