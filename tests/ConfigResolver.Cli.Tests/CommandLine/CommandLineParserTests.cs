using ConfigResolver.Cli.CommandLine;

namespace ConfigResolver.Cli.Tests.CommandLine;

public sealed class CommandLineParserTests
{
    private static readonly ICliCommand[] s_commands =
    [
        new FakeCommand(new CommandSpec("policy lint", "Lint.", new OptionSpec("--strict", null, "Strict.")) { }),
        new FakeCommand(new CommandSpec("policy test", "Test.", new OptionSpec("--filter", "name", "Filter."))),
        new FakeCommand(new CommandSpec("org create", "Create.", [new OptionSpec("--plan", "plan", "Plan.")], [new ArgumentSpec("name", "Name."), new ArgumentSpec("slug", "Slug.", Required: false)])),
        new FakeCommand(new CommandSpec("check", "Check.", new OptionSpec("--user", "id", "User.", Required: true))),
    ];

    public static TheoryData<string[], string, string> Commands() => new()
    {
        { ["policy", "lint"], "policy lint", GlobalOptions.DefaultDatabasePath },
        { ["policy", "test", "--filter", "x"], "policy test", GlobalOptions.DefaultDatabasePath },
        { ["--db", "a.db", "check", "--user", "u1"], "check", "a.db" },
        { ["check", "--user=u1", "--db=b.db"], "check", "b.db" },
        { ["org", "create", "acme"], "org create", GlobalOptions.DefaultDatabasePath },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parse_selects_the_longest_matching_command_and_reads_global_options_anywhere(string[] args, string command, string database)
    {
        var parsed = CommandLineParser.Parse(args, s_commands);

        Assert.False(parsed.HelpRequested);
        Assert.Equal((command, database), (parsed.Command!.Spec.Name, parsed.Globals.DatabasePath));
    }

    [Fact]
    public void Parse_reads_option_values_flags_and_positionals()
    {
        var parsed = CommandLineParser.Parse(["org", "create", "--plan=pro", "acme", "--", "--acme-slug"], s_commands);

        var arguments = parsed.Arguments!;
        Assert.Equal("pro", arguments.Value("--plan"));
        Assert.Equal(["acme", "--acme-slug"], arguments.Positionals);
        Assert.False(arguments.Has("--strict"));
        Assert.True(CommandLineParser.Parse(["policy", "lint", "--strict"], s_commands).Arguments!.Has("--strict"));
    }

    [Fact]
    public void Parse_accepts_a_dash_as_a_value()
    {
        var parsed = CommandLineParser.Parse(["check", "--user", "-"], s_commands);

        Assert.Equal("-", parsed.Arguments!.Required("--user"));
    }

    public static TheoryData<string[], string> Rejections() => new()
    {
        { ["policy"], "'policy' needs a subcommand; expected one of 'policy lint', 'policy test'." },
        { ["policy", "fix"], "'policy' needs a subcommand; expected one of 'policy lint', 'policy test'." },
        { ["org", "create"], "missing argument <name> for 'cfgr org create'." },
        { ["org", "create", "a", "b", "c"], "unexpected argument 'c' for 'cfgr org create'." },
        { ["check"], "missing required option '--user' for 'cfgr check'." },
        { ["check", "--user", "u", "--strict"], "unknown option '--strict' for 'cfgr check'." },
        { ["enforce"], "unknown command 'enforce'; expected one of 'policy lint', 'policy test', 'org create', 'check'." },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Parse_rejects_a_wrong_command_line_with_a_usage_error(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => CommandLineParser.Parse(args, s_commands)).Message);

    [Theory]
    [InlineData(new[] { "--help" }, null)]
    [InlineData(new[] { "policy", "test", "--help" }, "policy test")]
    [InlineData(new[] { "check", "-h" }, "check")]
    public void Parse_turns_help_anywhere_into_a_help_request(string[] args, string? command)
    {
        var parsed = CommandLineParser.Parse(args, s_commands);

        Assert.True(parsed.HelpRequested);
        Assert.Equal(command, parsed.Command?.Spec.Name);
    }

    [Fact]
    public void Usage_line_brackets_optional_options_and_arguments()
    {
        var spec = s_commands[2].Spec;

        Assert.Equal("cfgr org create [--plan <plan>] <name> [<slug>]", spec.UsageLine);
    }

    private sealed class FakeCommand(CommandSpec spec) : ICliCommand
    {
        public CommandSpec Spec { get; } = spec;

        public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => Task.FromResult(ExitCodes.Ok);
    }
}
