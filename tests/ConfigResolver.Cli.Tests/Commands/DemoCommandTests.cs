using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>cfgr demo</c>: a fresh database, environment defaults labelled as such, every organization resolved.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Demo_on_a_bare_machine_labels_the_demo_defaults_and_redacts_every_secret()
    {
        var result = _sandbox.Run("--db", "demo.db", "demo");

        Golden.Match("demo", result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        foreach (var secret in new[] { "sk-demo-operator-key", "kb-demo-operator-token", "sk-globex-own-key", "globex-kb-token", "join-globex-2026" })
        {
            Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_reads_the_real_environment_first()
    {
        _sandbox.Environment["OPENAI_MODEL"] = "gpt-4.1";
        _sandbox.Environment["OPENAI_MODELS"] = "gpt-4.1,gpt-4o";
        _sandbox.Environment["OPENAI_API_KEY"] = "sk-your-own-operator-key";

        var result = _sandbox.Run("--db", "demo.db", "demo");

        Golden.Match("demo_environment", result);
        Assert.Contains("  OPENAI_MODEL          gpt-4.1                (from your environment)", result.StdoutLines);
        Assert.Contains("/providers/openai/default_model = gpt-4.1 (env OPENAI_MODEL, set)", result.StdoutLines);
        Assert.DoesNotContain("sk-your-own-operator-key", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_the_demo_suggests_runs_against_its_database_without_a_checkout()
    {
        var demo = _sandbox.Run("--db", "demo.db", "demo");
        var suggested = demo.StdoutLines.Where(static l => l.StartsWith("  cfgr ", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, suggested.Count);
        foreach (var line in suggested)
        {
            var result = _sandbox.Run(line["  cfgr ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));

            Assert.True(result.Stderr.Length == 0, $"'{line}' printed to standard error: {result.Stderr}");
            Assert.NotEmpty(result.Stdout);
            var isCheck = line.Contains(" check ", StringComparison.Ordinal);
            Assert.Equal(isCheck ? ExitCodes.Denied : ExitCodes.Ok, result.ExitCode);
            if (isCheck)
            {
                Assert.Equal("deny", result.StdoutLines[0]);
                Assert.Contains(result.StdoutLines, static l => l.StartsWith("  why not: ", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Demo_without_db_creates_a_new_temporary_database_and_says_where()
    {
        var result = _sandbox.Run("demo");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var path = result.StdoutLines[1]["database: ".Length..];
        Assert.Equal(_sandbox.Root, Path.GetDirectoryName(path));
        Assert.Matches("^cfgr-demo-[0-9a-f]{32}\\.db$", Path.GetFileName(path));
        Assert.Contains("system ", _sandbox.Run("--db", path, "org", "list").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_refuses_an_existing_database_and_leaves_it_alone()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var before = TenancyDatabase.Dump(_sandbox);

        var result = _sandbox.Run("--db", db, "demo");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(["error: 'tenancy.db' already exists; the demo needs a fresh database: give --db a new path or delete the file."], result.StderrLines);
        Assert.Equal(before, TenancyDatabase.Dump(_sandbox));
    }
}
