using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>A database file the store cannot use: not a database, or read-only. The error names the file as typed.</summary>
public sealed class StoreFileErrorTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose()
    {
        ReadOnlyFile.MakeWritable(Path.Combine(_sandbox.Root, TenancyDatabase.Name));
        _sandbox.Dispose();
    }

    [Theory]
    [InlineData("org", "list")]
    [InlineData("org", "create", "--slug", "acme", "--name", "Acme")]
    [InlineData("resolve", "--org", "system")]
    public void A_file_that_is_not_a_database_is_reported_and_left_alone(params string[] args)
    {
        var db = _sandbox.Write("corrupt.db", "this is not a database\n");

        var result = _sandbox.Run(["--db", db, .. args]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(
            ["store: error STO3001: store operation Open failed (provider code 26): 'corrupt.db' is not a SQLite database or is corrupt."],
            result.StderrLines);
        Assert.Equal("this is not a database\n", File.ReadAllText(Path.Combine(_sandbox.Root, db)));
    }

    [Fact]
    public void A_read_only_database_still_answers_reads_and_refuses_writes_changing_nothing()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var before = TenancyDatabase.Dump(_sandbox);
        ReadOnlyFile.Make(Path.Combine(_sandbox.Root, db));

        var list = _sandbox.Run("--db", db, "org", "list");
        var create = _sandbox.Run("--db", db, "org", "create", "--slug", "gamma", "--name", "Gamma");
        var member = _sandbox.Run("--db", db, "member", "set", "--org", "acme", "--email", "dave@example.com", "--role", "viewer");

        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Equal(4, list.StdoutLines.Count);
        Golden.Match("store_read_only", create);
        Assert.Equal((ExitCodes.Failed, 1), (member.ExitCode, member.StderrLines.Count));
        Assert.StartsWith("org 'acme': error STO3001: store operation SetMembership failed (provider code 8): ", member.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal(before, TenancyDatabase.Dump(_sandbox));
    }
}
