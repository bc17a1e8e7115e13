using System.Globalization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr policy lint DIR</c>: parses, validates and compiles a policy directory without running its tests.</summary>
internal sealed class PolicyLintCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy lint",
        "Check a policy directory: YAML, schemas, roles, scopes, rules and conditions.",
        [new OptionSpec("--json", null, "Print the lint report as one JSON object: {\"directory\", \"ok\", \"summary\", \"diagnostics\"}.")],
        [new ArgumentSpec("DIR", "The policy directory (model.conf, roles, rule packages, overlays, tests).")])
    {
        Description = """
            Prints a one-line summary when the directory compiles. Every problem is printed to standard error as
            file:line:col: error CODE: message, sorted by file and position (exit 1). Policy tests are not run; use
            'cfgr policy test'.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Arguments.Positionals[0];
        if (!context.Arguments.Json)
        {
            var policy = PolicyDirectoryInput.Load(context, directory);
            var cases = policy.Tests.Sum(static t => t.CaseNames.Length);
            context.Print(string.Create(CultureInfo.InvariantCulture,
                $"ok: {directory}: {policy.Files.Length} files, {policy.Roles.Length} roles, {policy.Scopes.Length} scopes, {policy.PackageNames.Length} packages ({policy.RuleCount} rules), {policy.Tests.Length} test suites ({cases} cases)"));
            return Task.FromResult(ExitCodes.Ok);
        }

        // With --json the diagnostics are the report itself (stdout), and still one line each on standard error.
        try
        {
            var policy = PolicyDirectoryInput.Load(context, directory);
            var summary = new
            {
                files = policy.Files.Length,
                roles = policy.Roles.Length,
                scopes = policy.Scopes.Length,
                packages = policy.PackageNames.Length,
                rules = policy.RuleCount,
                test_suites = policy.Tests.Length,
                cases = policy.Tests.Sum(static t => t.CaseNames.Length),
            };
            context.PrintJson(new { directory, ok = true, summary, diagnostics = Array.Empty<CliDiagnostic>() });
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (PolicyCompilationException e)
        {
            var sorted = DiagnosticRenderer.InFileOrder(e.Diagnostics);
            foreach (var line in DiagnosticRenderer.RenderAll(sorted))
            {
                context.Report(line);
            }

            var diagnostics = sorted.Select(static d => DiagnosticRenderer.ToJson(d)).ToArray();
            context.PrintJson(new { directory, ok = false, summary = (object?)null, diagnostics });
            return Task.FromResult(ExitCodes.Failed);
        }
    }
}
