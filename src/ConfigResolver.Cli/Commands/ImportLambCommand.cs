using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Import;
using ConfigResolver.Sqlite;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr import lamb</c>: brings a LAMB database's organizations, users and memberships into the store.</summary>
internal sealed class ImportLambCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "import lamb",
        "Import organizations, users and memberships from a LAMB database.",
        new OptionSpec("--from", "LAMB.db", "The LAMB SQLite database (read only; never changed).", Required: true),
        new OptionSpec("--dry-run", null, "Check everything and report what would happen; write nothing."),
        CommonOptions.Json)
    {
        Description = """
            Reads LAMB_organizations, Creator_users and organization_roles. LAMB's system organization becomes this
            store's system organization (only while that has no configuration of its own). Every document is
            validated; an organization whose document fails is reported with its slug and pointer, and nothing of it is
            written. Organizations and users already in the store are skipped, never replaced. A user without an email,
            a second user with the same email and a role other than owner/admin/member are rejected; an organization
            without an owner gets its first admin as owner. Ends with a summary table, and lists the organizations that
            hold the system organization's provider key (replace it with an explicit share). Exit 1 when anything was
            rejected.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.Arguments.Required("--from");
        var dryRun = context.Arguments.Has("--dry-run");
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var export = LambDatabase.Read(context.Resolve(from), from, cancellationToken: cancellationToken);
            var importer = new LambImporter(tenancy.Store, context.Console.Clock);
            var report = await importer.ImportAsync(export, dryRun, cancellationToken).ConfigureAwait(false);
            foreach (var line in ImportRenderer.Diagnostics(report))
            {
                context.Report(line);
            }

            if (context.Arguments.Json)
            {
                context.PrintJson(ImportRenderer.Json(report));
            }
            else
            {
                foreach (var line in ImportRenderer.Lines(report))
                {
                    context.Print(line);
                }
            }

            return report.HasRejections ? ExitCodes.Failed : ExitCodes.Ok;
        });
    }
}
