using System.Reflection;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.CommandLine;

/// <summary>What scripts rely on: --version, CFGR_DB, response files, completion, both forms of the organization, exit codes.</summary>
public sealed class ScriptingTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Version_prints_the_informational_version_of_the_tool()
    {
        var result = _sandbox.Run("--version");

        var expected = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal((ExitCodes.Ok, $"cfgr {expected}\n", string.Empty), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Matches(@"^cfgr \d+\.\d+\.\d+([-+.][0-9A-Za-z.+-]*)?$", result.StdoutLines[0]);
    }

    [Fact]
    public void CFGR_DB_names_the_database_when_db_is_not_given_and_db_wins_over_it()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Environment[GlobalOptions.DatabaseVariable] = db;

        var fromEnvironment = _sandbox.Run("org", "list");
        var fromOption = _sandbox.Run("--db", "other.db", "org", "list");

        Assert.Equal(ExitCodes.Ok, fromEnvironment.ExitCode);
        Assert.Contains(fromEnvironment.StdoutLines, static l => l.StartsWith("acme ", StringComparison.Ordinal));
        Assert.DoesNotContain(fromOption.StdoutLines, static l => l.StartsWith("acme ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_sandbox.Root, "other.db")));
    }

    [Fact]
    public void The_demo_ignores_CFGR_DB_and_never_touches_that_database()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Environment[GlobalOptions.DatabaseVariable] = db;
        var before = TenancyDatabase.Dump(_sandbox);

        var result = _sandbox.Run("demo");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("database: " + Path.Combine(_sandbox.Root, "cfgr-demo-"), result.StdoutLines[1], StringComparison.Ordinal);
        Assert.Equal(before, TenancyDatabase.Dump(_sandbox));
    }

    [Fact]
    public void A_response_file_supplies_arguments_one_per_line()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Write("show.rsp", "# the organization to show\norg show\n--org \"acme\"\n");

        var viaFile = _sandbox.Run("--db", db, "@show.rsp");

        Assert.Equal(ExitCodes.Ok, viaFile.ExitCode);
        Assert.Equal(_sandbox.Run("--db", db, "org", "show", "--org", "acme").Stdout, viaFile.Stdout);
    }

    [Theory]
    [InlineData("[suggest:4]", "org ", "show")]
    [InlineData("[suggest:12]", "policy test ", "--filter")]
    [InlineData("[suggest:2]", "de", "demo")]
    public void The_suggest_directive_lists_completions_for_shells(string directive, string line, string expected)
    {
        var result = _sandbox.Run(directive, line);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(expected, result.StdoutLines);
    }

    public static TheoryData<string[], string[]> OrganizationForms() => new()
    {
        { ["org", "show", "acme"], ["org", "show", "--org", "acme"] },
        { ["org", "status", "acme"], ["org", "status", "--org", "acme"] },
        { ["org", "config", "get", "acme"], ["org", "config", "get", "--org", "acme"] },
        { ["org", "show", "acme", "--json"], ["org", "show", "--org=acme", "--json"] },
        { ["org", "delete", "beta"], ["org", "delete", "--org", "beta"] },
    };

    [Theory]
    [MemberData(nameof(OrganizationForms))]
    public void Commands_on_an_organization_take_org_or_the_older_positional_slug_alike(string[] positional, string[] option)
    {
        using var other = new CliSandbox();
        var first = _sandbox.Run(["--db", TenancyDatabase.Seed(_sandbox), .. positional]);
        var second = other.Run(["--db", TenancyDatabase.Seed(other), .. option]);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal((first.ExitCode, first.Stdout, first.Stderr), (second.ExitCode, second.Stdout, second.Stderr));
    }

    [Fact]
    public void Org_create_accepts_org_as_another_name_for_slug()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "create", "--org", "gamma", "--name", "Gamma");

        Assert.Equal((ExitCodes.Ok, "created org 'gamma' (Gamma); setups: none.\n"), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public void An_interrupted_run_exits_with_130()
    {
        var model = _sandbox.CopyFromCorpus("models/basic_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/basic_policy.csv");
        var requests = _sandbox.Write("r.jsonl", "[\"alice\",\"data1\",\"read\"]\n");
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();

        var result = _sandbox.RunWithInput(string.Empty, interrupted.Token, "enforce", "--model", model, "--policy", policy, "--requests", requests);

        Golden.Match("exit_130_interrupted", result);
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
    }

    [Fact]
    public void Help_lists_every_exit_code()
    {
        var help = _sandbox.Run("--help").StdoutLines;

        foreach (var (code, meaning) in ExitCodes.All)
        {
            Assert.Contains(help, l => l.TrimStart().StartsWith(code.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal) && l.EndsWith(meaning, StringComparison.Ordinal));
        }
    }
}
