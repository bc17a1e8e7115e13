using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.Testing;
using Npgsql;

namespace ConfigResolver.Cli.Tests.Commands;

[CollectionDefinition(Name)]
public sealed class CliPostgresServerGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server for the CLI";
}

/// <summary>The tenancy commands against a real PostgreSQL database, named as a URL or a keyword string.</summary>
[Collection(CliPostgresServerGroup.Name)]
public sealed class PostgresStoreCommandTests(PostgresFixture fixture) : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Commands_write_and_read_a_postgres_database_named_by_url_and_by_keywords()
    {
        var builder = new NpgsqlConnectionStringBuilder(await fixture.Server.CreateDatabaseAsync());
        var url = $"postgres://{builder.Username}:{Uri.EscapeDataString(builder.Password!)}@{builder.Host}:{builder.Port}/{builder.Database}";

        var create = _sandbox.Run("--db", url, "org", "create", "--slug", "acme", "--name", "Acme");
        var user = _sandbox.Run("--db", builder.ConnectionString, "user", "add", "--email", "ann@acme.example");
        var member = _sandbox.Run("--db", url, "member", "set", "--org", "acme", "--email", "ann@acme.example", "--role", "owner");
        var resolve = _sandbox.Run("--db", builder.ConnectionString, "resolve", "--user", "ann@acme.example", "--json");

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok], new[] { create.ExitCode, user.ExitCode, member.ExitCode, resolve.ExitCode });
        Assert.Contains("\"acme\"", resolve.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_one_error_line_that_names_the_server_but_not_the_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(await fixture.Server.CreateDatabaseAsync()) { Password = "wrong-pw-5d2a" };

        var result = _sandbox.Run("--db", builder.ConnectionString, "org", "list");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("(provider code 28P01)", line, StringComparison.Ordinal);
        Assert.Contains($"'postgres@127.0.0.1:{builder.Port}/{builder.Database}' refused the credentials", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw-5d2a", result.Stderr, StringComparison.Ordinal);
    }
}
