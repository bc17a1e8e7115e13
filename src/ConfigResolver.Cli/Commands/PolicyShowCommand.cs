using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr policy show REV</c>: one stored policy revision with its files.</summary>
internal sealed class PolicyShowCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy show",
        "Print a stored policy revision and its files.",
        [new OptionSpec("--json", null, "Print the revision ('policy history' fields) with \"files\": [{\"path\", \"text\"}].")],
        [new ArgumentSpec("REV", "The revision number, or 'current'.")])
    {
        Description = "Prints the revision's line (as 'policy history' does), then each file as '--- path' followed by its text.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var argument = context.Arguments.Positionals[0];
        var number = PolicyPublishing.ParseRevision(argument, Spec);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var revision = (number is { } n
                    ? await tenancy.Store.GetPolicyRevisionAsync(n, cancellationToken).ConfigureAwait(false)
                    : await tenancy.Store.GetCurrentPolicyRevisionAsync(cancellationToken).ConfigureAwait(false))
                ?? throw new CommandFailedException(number is null ? "no policy revision has been pushed." : $"there is no policy revision {argument}.");
            if (context.Arguments.Json)
            {
                var body = PolicyPublishing.Json(revision.Info);
                body["files"] = revision.Files.Select(static f => new { path = f.Path, text = f.Text }).ToArray();
                context.PrintJson(body);
                return ExitCodes.Ok;
            }

            context.Print(PolicyPublishing.Line(revision.Info));
            foreach (var file in revision.Files)
            {
                context.Print($"--- {file.Path}");
                context.Print(file.Text.EndsWith('\n') ? file.Text[..^1] : file.Text);
            }

            return ExitCodes.Ok;
        });
    }
}
