using System.Globalization;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr policy test DIR [--filter TEXT] [--output text|json|junit]</c>: compiles a policy directory and runs its <c>*_test.yaml</c> suites.</summary>
internal sealed class PolicyTestCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy test",
        "Run a policy directory's test suites (*_test.yaml).",
        [
            new OptionSpec("--filter", "TEXT", "Run only cases whose suite or case name contains TEXT (case-insensitive)."),
            new OptionSpec("--output", "format", "text (default), json (one object with every case) or junit (JUnit XML for CI)."),
            new OptionSpec("--json", null, "Same as --output json."),
        ],
        [new ArgumentSpec("DIR", "The policy directory.")])
    {
        Description = """
            Prints PASS or FAIL per case; a failing case shows its file:line:col, the expected and the actual
            decision, and the decision's reasons. The last line counts passed and failed cases. Exit 4 when a case
            fails, 1 when the directory does not compile.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var format = args.Has("--json") ? "json" : args.Value("--output") ?? "text";
        if (format is not ("text" or "json" or "junit"))
        {
            throw new UsageException($"unknown output format '{format}'; expected one of 'text', 'json', 'junit'.") { Command = Spec };
        }

        var directory = args.Positionals[0];
        var policy = PolicyDirectoryInput.Load(context, directory);
        var report = await PolicyTestRunner.RunAsync(policy, args.Value("--filter"), cancellationToken).ConfigureAwait(false);
        var lines = format switch
        {
            "json" => [JsonOutput.Serialize(PolicyTestRenderer.Json(directory, report))],
            "junit" => PolicyTestRenderer.JUnit(report),
            _ => PolicyTestRenderer.Render(report, context.Console.UseColor)
                .Append(string.Create(CultureInfo.InvariantCulture, $"{report.Passed} passed, {report.Failed} failed")),
        };
        foreach (var line in lines)
        {
            context.Print(line);
        }

        return report.Succeeded ? ExitCodes.Ok : ExitCodes.TestsFailed;
    }
}
