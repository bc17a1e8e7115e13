using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Resolution;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr resolve</c>: an organization's or a user's resolved configuration with provenance, once or as it changes (<c>--watch</c>).</summary>
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
        new OptionSpec("--watch", null, "Print again each time the result changes, whichever process wrote it; ends at Ctrl+C (exit 130) or when standard input closes (exit 0)."),
        new OptionSpec("--json", null, "Print {\"org\", \"setup\", \"values\": {pointer: {value, layer, source, state}}}; with --watch one compact object per line, with \"revision\" first."))
    {
        Description = """
            Layers, first hit wins: org, then env (environment variables), then system, then built-in defaults.
            Each value prints as 'pointer = value (layer source, state)'; state is set, disabled, absent or shared.
            Secrets print as [redacted] unless --reveal-secrets; operator secrets an organization did not opt in to
            are never shown. With --watch, each print starts with '--- store revision N' (text) or carries "revision"
            (JSON): the store revision the result reflects.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (org, user) = CommonOptions.OrganizationOrUser(args, Spec);

        var setup = args.Value("--setup");
        var (explain, reveal, json, watch) = (args.Has("--explain"), args.Has("--reveal-secrets"), args.Has("--json"), args.Has("--watch"));
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            Task<TenantConfig> ResolveAsync() => org is not null
                ? resolver.ResolveAsync(org, setup, cancellationToken).AsTask()
                : resolver.ResolveForUserByEmailAsync(user!, setup, cancellationToken).AsTask();

            if (!watch)
            {
                var config = await ResolveAsync().ConfigureAwait(false);
                foreach (var line in Render(config, json ? JsonOutput.Indented : null))
                {
                    context.Print(line);
                }

                return ExitCodes.Ok;
            }

            // The resolver subscribed to the feed first, so its cache has dropped a change before the watch re-reads.
            string? last = null;
            return await StoreWatch.RunAsync(context, tenancy.Store, async _ =>
            {
                var config = await ResolveAsync().ConfigureAwait(false);
                var lines = Render(config, json ? JsonOutput.Compact : null).ToList();
                var body = string.Join('\n', lines);
                if (body == last)
                {
                    return;
                }

                last = body;
                if (json)
                {
                    context.Print(JsonOutput.WithLeadingField(lines[0], "revision", config.StoreRevision));
                    return;
                }

                context.Print(FormattableString.Invariant($"--- store revision {config.StoreRevision}"));
                lines.ForEach(context.Print);
            }, cancellationToken).ConfigureAwait(false);
        });

        IEnumerable<string> Render(TenantConfig config, bool? indented)
        {
            if (indented is { } indent)
            {
                yield return TenantConfigRenderer.Json(config, reveal, explain, indent);
                yield break;
            }

            if (user is not null)
            {
                yield return $"user '{user}' resolves against org '{config.OrganizationSlug}'{(config.IsSystemOrganization ? " (no organization of their own)" : string.Empty)}";
            }

            yield return TenantConfigRenderer.Heading(config);
            foreach (var line in TenantConfigRenderer.Values(config, reveal, explain))
            {
                yield return line;
            }
        }
    }
}
