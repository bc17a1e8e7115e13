using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr quota show</c>: an organization's limits and live usage, in isA's quota shape.</summary>
internal sealed class QuotaShowCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "quota show",
        "Show an organization's plan limits and current usage (this month, UTC).",
        [CommonOptions.Organization, CommonOptions.Json],
        [CommonOptions.OrganizationPositional])
    {
        Description = """
            --json prints {"organization", "plan", "quotas": {max_members, max_api_calls_per_month, max_storage_gb,
            credits_per_month, features, ...}, "current_usage": {members, api_calls_this_month, storage_used_gb, ...}}
            (null for unlimited). Usage counts units consumed plus units leased by running instances.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var report = await CliCommerce.Service(context, tenancy).GetQuotasAsync(slug, cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(CommerceOutput.Quotas(report));
                return ExitCodes.Ok;
            }

            foreach (var line in CommerceOutput.QuotaLines(report))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
