using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Stores;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// How the tenancy commands reach the library: open the store named by <c>--db</c> (or <c>CFGR_DB</c> when <c>--db</c> is
/// absent) with <see cref="TenantStoreLocator"/>, run, and report a rejection (<see cref="ConfigResolverException"/>:
/// invalid input, unknown names, a store that cannot be opened or reached) as diagnostics on standard error, one line
/// each, with exit code 1. A store is a SQLite path (the default), <c>postgres://user:password@host:port/db</c> or an
/// Npgsql keyword string, or <c>litedb:PATH</c>; messages show it without its password.
/// </summary>
internal static class CliTenancy
{
    /// <summary>The environment variable that names the store when <c>--db</c> is not given.</summary>
    public const string StoreVariable = "CFGR_DB";

    /// <summary>Opens the store, runs <paramref name="action"/> and closes the store.</summary>
    /// <param name="context">The command's context; <c>--db</c>, the environment and the clock come from it.</param>
    /// <param name="action">The command's work; returns the exit code.</param>
    /// <param name="inputFile">The file a configuration document came from (as typed), so JSON positions name it.</param>
    /// <param name="databasePath">The store to open instead of <c>--db</c>, as the user should see it.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandContext context, Func<StoreTenancy, Task<int>> action, string? inputFile = null, string? databasePath = null)
    {
        var shown = databasePath ?? Locator(context);
        string? fullPath = null;
        try
        {
            var location = StoreLocation.Parse(shown, context.Console.WorkingDirectory);
            fullPath = location.Kind == StoreKind.Postgres ? null : location.Target;
            var tenancy = await TenantStoreLocator.OpenAsync(shown, new ResolverOptions(), context.Console.WorkingDirectory, context.Console.Clock).ConfigureAwait(false);
            await using (tenancy.ConfigureAwait(false))
            {
                return await action(tenancy).ConfigureAwait(false);
            }
        }
        catch (ConfigResolverException e)
        {
            foreach (var line in ConfigDiagnosticRenderer.RenderAll(e.Diagnostics, inputFile))
            {
                // Messages name a file store as the user typed it, not as an absolute path.
                context.Report(fullPath is null ? line : line.Replace(fullPath, PathAsTyped(shown), StringComparison.Ordinal));
            }

            return ExitCodes.Failed;
        }
    }

    /// <summary>The environment layer: the console's variables when a test fixed them, else the process's environment.</summary>
    /// <param name="context">The command's context.</param>
    /// <returns>The configuration the resolver reads.</returns>
    public static IConfiguration Environment(CommandContext context) =>
        context.Console.EnvironmentVariables is { } variables
            ? new ConfigurationBuilder().AddInMemoryCollection(variables).Build()
            : new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary><c>--db</c> when given, else <c>CFGR_DB</c> when set, else the default database file.</summary>
    private static string Locator(CommandContext context)
    {
        if (context.Globals.DatabaseGiven)
        {
            return context.Globals.DatabasePath;
        }

        var variable = context.Console.EnvironmentVariables is { } variables
            ? variables.GetValueOrDefault(StoreVariable)
            : System.Environment.GetEnvironmentVariable(StoreVariable);
        return string.IsNullOrWhiteSpace(variable) ? context.Globals.DatabasePath : variable;
    }

    private static string PathAsTyped(string locator) =>
        locator.StartsWith("litedb:", StringComparison.OrdinalIgnoreCase) ? locator["litedb:".Length..]
        : locator.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? locator["sqlite:".Length..]
        : locator;
}
