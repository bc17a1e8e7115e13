using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Resolution.Impact;
using ConfigResolver.Validation;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr org config diff --file NEW.json (--org S | --system) [--env KEY=VALUE]... [--json]</c>: which organizations'
/// resolved values a new document or environment would change; exit 0 none, 5 some, 1 error (an invalid document as
/// <c>org config set</c> reports it).
/// </summary>
internal sealed class OrgConfigDiffCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org config diff",
        "Show which organizations' resolved values a new configuration document or environment would change.",
        new OptionSpec("--file", "FILE", "The proposed configuration document (JSON)."),
        new OptionSpec("--org", "slug", "The organization whose document --file replaces."),
        new OptionSpec("--system", null, "--file replaces the system organization's document (every organization inherits it)."),
        new OptionSpec("--env", "KEY=VALUE", "An environment variable as it would be set (repeatable); every organization is compared.") { Repeatable = true },
        CommonOptions.Json)
    {
        Description = """
            Nothing is written. The document is validated exactly as 'cfgr org config set' validates it (its problems
            print the same way, exit 1). Every organization the change reaches is resolved before and after, in every
            setup, and each value that differs is listed with its JSON pointer, the values and the layer it comes from
            before and after. Secrets are listed as changed, never with their values; --env values are never printed.
            A change to an organization reaches that organization; the system document or the environment reaches
            every organization. Exit 0 when nothing changes, 5 when something does.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (path, org, system) = (args.Value("--file"), args.Value("--org"), args.Has("--system"));
        var overrides = args.Values("--env").Select(Split).ToList();
        if (path is null ? org is not null || system || overrides.Count == 0 : (org is null) == !system)
        {
            throw new UsageException("give --file with exactly one of '--org' and '--system', or '--env KEY=VALUE' alone, or both.") { Command = Spec };
        }

        var json = path is null ? null : context.ReadText(path, "configuration", DocumentLimits.Default.MaxDocumentBytes);
        return CliTenancy.RunAsync(
            context,
            async tenancy =>
            {
                var before = CliTenancy.Environment(context);
                var after = overrides.Count == 0 ? before : new ConfigurationBuilder().AddConfiguration(before).AddInMemoryCollection(overrides).Build();
                var target = system ? (await tenancy.Store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false)).Slug : org;
                var impact = await ConfigImpactAnalyzer.CompareAsync(tenancy.Store, before, after, target, json, tenancy.Options, context.Console.Clock, cancellationToken).ConfigureAwait(false);
                var lines = args.Json
                    ? [JsonOutput.Serialize(ConfigImpactRenderer.Json(path, target, overrides.Select(static o => o.Key), impact))]
                    : ConfigImpactRenderer.Render(impact);
                foreach (var line in lines)
                {
                    context.Print(line);
                }

                return impact.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
            },
            path);

        KeyValuePair<string, string?> Split(string text)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            return equals <= 0
                ? throw new UsageException($"'--env' takes KEY=VALUE; found '{(equals < 0 ? text : "=...")}'.") { Command = Spec }
                : new KeyValuePair<string, string?>(text[..equals], text[(equals + 1)..]);
        }
    }
}
