using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr resolve</c>: an organization's or a user's resolved configuration with provenance.</summary>
internal sealed class ResolveCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "resolve",
        "Resolve an organization's or a user's configuration, value by value, with provenance.",
        CommonOptions.OrganizationOrUserOrg,
        new OptionSpec("--user", "email", "A user: resolves their default organization, or the system organization if they have none."),
        CommonOptions.Setup,
        new OptionSpec("--explain", null, "Also print what each value shadowed in lower layers, and notes."),
        new OptionSpec("--reveal-secrets", null, "Print the organization's API keys and tokens in plaintext."),
        new OptionSpec("--json", null, "Print {\"org\", \"setup\", \"values\": {pointer: {value, layer, source, state}}}."))
    {
        Description = """
            Layers, first hit wins: org, then env (environment variables), then system, then built-in defaults.
            Each value prints as 'pointer = value (layer source, state)'; state is set, disabled, absent or shared.
            Secrets print as [redacted] unless --reveal-secrets; operator secrets an organization did not opt in to
            are never shown.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (org, user) = CommonOptions.OrganizationOrUser(args, Spec);

        var setup = args.Value("--setup");
        var (explain, reveal, json) = (args.Has("--explain"), args.Has("--reveal-secrets"), args.Has("--json"));
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            var config = org is not null
                ? await resolver.ResolveAsync(org, setup, cancellationToken).ConfigureAwait(false)
                : await resolver.ResolveForUserByEmailAsync(user!, setup, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                context.Print(TenantConfigRenderer.Json(config, reveal, explain));
                return ExitCodes.Ok;
            }

            if (user is not null)
            {
                context.Print($"user '{user}' resolves against org '{config.OrganizationSlug}'{(config.IsSystemOrganization ? " (no organization of their own)" : string.Empty)}");
            }

            context.Print(TenantConfigRenderer.Heading(config));
            foreach (var line in TenantConfigRenderer.Values(config, reveal, explain))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
