using System.Globalization;
using ConfigResolver.Authorization.Testing;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr policy test DIR [--filter TEXT]</c>: compiles a policy directory and runs its <c>*_test.yaml</c> suites.</summary>
internal sealed class PolicyTestCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy test",
        "Run a policy directory's test suites (*_test.yaml).",
        [new OptionSpec("--filter", "TEXT", "Run only cases whose suite or case name contains TEXT (case-insensitive).")],
        [new ArgumentSpec("DIR", "The policy directory.")])
    {
        Description = """
            Prints PASS or FAIL per case; a failing case shows its file:line:col, the expected and the actual
            decision, and the decision's reasons. The last line counts passed and failed cases. Exit 1 when a case
            fails or the directory does not compile.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = PolicyDirectoryInput.Load(context, context.Arguments.Positionals[0]);
        var report = await PolicyTestRunner.RunAsync(policy, context.Arguments.Value("--filter"), cancellationToken).ConfigureAwait(false);
        foreach (var line in PolicyTestRenderer.Render(report))
        {
            context.Print(line);
        }

        context.Print(string.Create(CultureInfo.InvariantCulture, $"{report.Passed} passed, {report.Failed} failed"));
        return report.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
