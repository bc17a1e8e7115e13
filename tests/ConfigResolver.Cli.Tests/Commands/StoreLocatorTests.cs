using System.Net;
using System.Net.Sockets;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>--db</c> (or <c>CFGR_DB</c>) names any store: a SQLite path, <c>litedb:PATH</c>, a postgres:// URL or an Npgsql
/// keyword string. A wrong or unreachable store is one error line, exit 1, and the password is never printed.
/// </summary>
public sealed class StoreLocatorTests : IDisposable
{
    private const string Password = "s3cret-pw-7c1e";
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("litedb:tenancy.litedb", "tenancy.litedb")]
    [InlineData("sqlite:tenancy.db", "tenancy.db")]
    [InlineData("tenancy.db", "tenancy.db")]
    public void A_file_store_named_by_its_locator_keeps_what_was_written(string locator, string file)
    {
        var create = _sandbox.Run("--db", locator, "org", "create", "--slug", "acme", "--name", "Acme");
        var list = _sandbox.Run("--db", locator, "org", "list");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (create.ExitCode, list.ExitCode));
        Assert.Contains(list.StdoutLines, l => l.StartsWith("acme", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_sandbox.Root, file)));
    }

    [Fact]
    public void CFGR_DB_names_the_store_when_db_is_absent_and_db_wins_when_both_are_given()
    {
        _sandbox.Environment["CFGR_DB"] = "litedb:from-env.litedb";

        var fromEnvironment = _sandbox.Run("org", "create", "--slug", "envorg", "--name", "Env");
        var fromOption = _sandbox.Run("--db", "option.db", "org", "list");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (fromEnvironment.ExitCode, fromOption.ExitCode));
        Assert.True(File.Exists(Path.Combine(_sandbox.Root, "from-env.litedb")));
        Assert.DoesNotContain(fromOption.StdoutLines, l => l.StartsWith("envorg", StringComparison.Ordinal));
        Assert.Contains(_sandbox.Run("org", "list").StdoutLines, l => l.StartsWith("envorg", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postgres://app:{0}@127.0.0.1:{1}/cfgr")]
    [InlineData("Host=127.0.0.1;Port={1};Username=app;Password={0};Database=cfgr;Timeout=3")]
    public void An_unreachable_postgres_server_is_one_error_line_without_the_password(string template)
    {
        var port = ClosedPort();
        var locator = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Password, port);

        var result = _sandbox.Run("--db", locator, "org", "list");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("store: error STO3001: store operation Open failed: cannot reach the PostgreSQL server 'app@127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://app:" + Password + "@/cfgr")]
    [InlineData("postgres://app:" + Password + "@db.example:5432/cfgr?no_such_option=1")]
    [InlineData("Host=db.example;Pasword=" + Password)]
    [InlineData("litedb:")]
    public void A_malformed_locator_is_one_error_line_without_the_password(string locator)
    {
        var result = _sandbox.Run("--db", locator, "org", "list");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("store: error STO3003: expected ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Stderr, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
