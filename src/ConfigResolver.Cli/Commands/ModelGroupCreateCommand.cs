using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Commerce;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr modelgroup create</c>: a named, ordered list of models an organization assigns to teams.</summary>
internal sealed class ModelGroupCreateCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "modelgroup create",
        "Create a model group: models in priority order, each optionally pinned to a provider.",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--name", "name", "The group's name: 1-63 letters, digits, '_', '-' or '.'.", Required: true) { Aliases = ["--group"] },
        new OptionSpec("--model", "model[@provider]", "A model, highest priority first; repeat the option or separate models with commas.", Required: true) { Repeatable = true },
        CommonOptions.Json)
    {
        Description = "Priorities follow the order given (1, 2, ...). 'gpt-4o@openai' pins the model to a provider; a bare model uses the first enabled provider that lists it.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, name) = (args.Required("--org"), args.Required("--name"));
        var items = args.Values("--model").DefaultIfEmpty(args.Required("--model"))
            .SelectMany(static v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var models = items.Select((item, i) =>
        {
            var at = item.LastIndexOf('@');
            return at > 0 && at < item.Length - 1 ? new ModelGroupEntry(item[..at], item[(at + 1)..], i + 1) : new ModelGroupEntry(item.TrimEnd('@'), null, i + 1);
        }).ToList();
        var group = new ModelGroup(name, [.. models]);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            await CliCommerce.Service(context, tenancy).CreateModelGroupAsync(slug, group, cancellationToken).ConfigureAwait(false);
            if (args.Json)
            {
                context.PrintJson(CommerceOutput.Group(group));
                return ExitCodes.Ok;
            }

            context.Print($"created model group '{name}' in org '{slug}': {CommerceOutput.Models(group)}.");
            return ExitCodes.Ok;
        });
    }
}
