using ConfigResolver.Authorization.Plans;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Commerce;
using ConfigResolver.Stores;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>How the plan, team, model-group, quota and usage commands reach the library: the plan catalog and the service.</summary>
internal static class CliCommerce
{
    /// <summary>The option that names a policy directory whose <c>plans.yaml</c> replaces the shipped catalog.</summary>
    public static OptionSpec Policies { get; } = new("--policies", "DIR", "A policy directory whose plans.yaml replaces the shipped plan catalog.");

    /// <summary>The catalog: <c>DIR/plans.yaml</c> when <c>--policies DIR</c> has one, else the shipped catalog.</summary>
    /// <param name="context">The command's context.</param>
    /// <returns>The catalog.</returns>
    public static PlanCatalog Catalog(CommandContext context)
    {
        if (context.Arguments.Value("--policies") is not { } directory)
        {
            return PlanCatalogLoader.Shipped;
        }

        var path = Path.Combine(directory, PlanCatalogLoader.FileName);
        return File.Exists(context.Resolve(path))
            ? PlanCatalogLoader.Load(context.ReadText(path, "plan catalog"), path)
            : PlanCatalogLoader.Shipped;
    }

    /// <summary>The service over the opened store, with the catalog and the console's clock.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="tenancy">The opened store.</param>
    /// <returns>The service.</returns>
    public static CommerceService Service(CommandContext context, StoreTenancy tenancy) => new(tenancy.Store, Catalog(context), context.Console.Clock);

    /// <summary>The option <c>--team</c>.</summary>
    public static OptionSpec Team(bool required) => new("--team", "name", "The team.", Required: required);
}
