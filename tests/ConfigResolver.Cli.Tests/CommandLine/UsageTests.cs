using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.CommandLine;

public sealed class UsageTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { [], "error: missing command." },
        { ["frobnicate"], $"error: unknown command 'frobnicate'; expected one of {string.Join(", ", CommandRegistry.Commands.Select(static c => $"'{c.Spec.Name}'"))}." },
        { ["--verbose"], "error: unknown option '--verbose'; commands take their options after the command name." },
        { ["--verbose", "enforce", "--model", "m.conf", "--requests", "r.jsonl"], "error: unknown option '--verbose' for 'cfgr enforce'." },
        { ["--explain", "enforce", "--model", "m.conf", "--requests", "r.jsonl"], "error: option '--explain' goes after the command name: 'cfgr enforce --explain'." },
        { ["enforce", "--model", "m.conf", "--requests", "r.jsonl", "--verbose"], "error: unknown option '--verbose' for 'cfgr enforce'." },
        { ["enforce", "--model", "m.conf", "--requests", "r.jsonl", "-x"], "error: unknown option '-x' for 'cfgr enforce'." },
        { ["enforce", "--requests", "r.jsonl"], "error: missing required option '--model' for 'cfgr enforce'." },
        { ["enforce"], "error: missing required options '--model', '--requests' for 'cfgr enforce'." },
        { ["enforce", "--requests", "r.jsonl", "--model"], "error: option '--model' needs a value." },
        { ["enforce", "--model", "--explain", "--requests", "r.jsonl"], "error: option '--model' needs a value." },
        { ["enforce", "--model", "m.conf", "--model", "n.conf", "--requests", "r.jsonl"], "error: option '--model' is given more than once." },
        { ["enforce", "--model", "m.conf", "--requests", "r.jsonl", "--explain=yes"], "error: option '--explain' takes no value; found 'yes'." },
        { ["enforce", "--model", "m.conf", "--requests", "r.jsonl", "extra"], "error: unexpected argument 'extra' for 'cfgr enforce'." },
        { ["enforce", "--model", "m.conf", "--requests", "r.jsonl", "--context", "r2,p2,e2"], "error: option '--context' expects four comma-separated keys such as 'r2,p2,e2,m2'; found 'r2,p2,e2'." },
        { ["enforce", "--model", "m.conf", "--requests", "r.jsonl", "--db"], "error: option '--db' needs a value." },
        { ["--db", "a.db", "enforce", "--db", "b.db", "--model", "m.conf", "--requests", "r.jsonl"], "error: option '--db' is given more than once." },
        { ["org"], "error: 'org' needs a subcommand; expected one of 'org create', 'org list', 'org show', 'org config get', 'org config set', 'org config diff', 'org status', 'org delete', 'org plan set'." },
        { ["org", "config", "put"], "error: 'org config' needs a subcommand; expected one of 'org config get', 'org config set', 'org config diff'." },
        { ["org", "show"], "error: missing organization for 'cfgr org show': give '--org <slug>' (or the slug as the first argument)." },
        { ["org", "show", "acme", "--org", "beta"], "error: the organization is given twice, as 'beta' and 'acme'; give it once." },
        { ["policy", "test", "p", "--output", "xml"], "error: unknown output format 'xml'; expected one of 'text', 'json', 'junit'." },
        { ["@missing.rsp"], "error: cannot read response file 'missing.rsp': it does not exist." },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void A_usage_error_exits_with_2_and_says_what_is_wrong_on_its_first_line(string[] args, string error)
    {
        var result = _sandbox.Run(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(error, result.StderrLines[0]);
        Assert.StartsWith("usage: cfgr ", result.StderrLines[1], StringComparison.Ordinal);
        Assert.Equal(3, result.StderrLines.Count);
    }

    [Fact]
    public void Every_problem_of_a_command_line_gets_its_own_line_before_the_usage()
    {
        var result = _sandbox.Run("enforce", "--verbose", "--explain=yes", "extra");

        Golden.Match("usage_several_problems", result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(
            [
                "error: option '--explain' takes no value; found 'yes'.",
                "error: unknown option '--verbose' for 'cfgr enforce'.",
                "error: unexpected argument 'extra' for 'cfgr enforce'.",
                "error: missing required options '--model', '--requests' for 'cfgr enforce'.",
            ],
            result.StderrLines.Take(4));
    }

    [Fact]
    public void A_usage_error_with_json_also_prints_the_error_object_on_standard_output()
    {
        var result = _sandbox.Run("org", "list", "--json", "--bogus");

        Golden.Match("usage_json", result);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(("usage", 2), (error.GetProperty("code").GetString(), error.GetProperty("exit_code").GetInt32()));
        Assert.Equal("unknown option '--bogus' for 'cfgr org list'.", error.GetProperty("message").GetString());
    }

    [Fact]
    public void A_usage_error_of_a_command_shows_that_commands_usage()
    {
        var result = _sandbox.Run("enforce", "--model", "m.conf", "--requests", "r.jsonl", "--verbose");

        Golden.Match("usage_unknown_option", result);
    }

    [Fact]
    public void Help_lists_every_command_and_the_global_options()
    {
        var result = _sandbox.Run("--help");

        Assert.Equal((ExitCodes.Ok, string.Empty), (result.ExitCode, result.Stderr));
        Golden.Match("help", result);
    }

    [Theory]
    [InlineData("enforce", "--help")]
    [InlineData("enforce", "-h")]
    [InlineData("--help", "enforce")]
    [InlineData("enforce", "--model", "--help")]
    [InlineData("--db", "x.db", "enforce", "--bogus", "--help")]
    public void Help_for_a_command_shows_its_options_without_checking_them(params string[] args)
    {
        var result = _sandbox.Run(args);

        Assert.Equal((ExitCodes.Ok, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Equal(_sandbox.Run("enforce", "--help").Stdout, result.Stdout);
        Assert.StartsWith("usage: cfgr enforce --model <M.conf>", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_for_enforce_matches_its_golden_file() => Golden.Match("help_enforce", _sandbox.Run("enforce", "--help"));

    [Theory]
    [InlineData("help_serve", "serve")]
    [InlineData("help_policy_diff", "policy", "diff")]
    public void Help_for_serve_and_policy_diff_matches_its_golden_file(string golden, params string[] command) => Golden.Match(golden, _sandbox.Run([.. command, "--help"]));

    [Fact]
    public void Run_with_plain_writers_is_the_in_process_entry_point()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = CliApp.Run(["--help"], stdout, stderr);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.StartsWith("cfgr: command-line tool for ConfigResolver.\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }
}
