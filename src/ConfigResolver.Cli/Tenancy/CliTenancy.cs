using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// How the tenancy commands reach the library: open the SQLite file named by <c>--db</c> with the console's clock, run,
/// and report a rejection (<see cref="ConfigResolverException"/>: invalid input, unknown names, a store failure) as
/// diagnostics on standard error, one line each, with exit code 1.
/// </summary>
internal static class CliTenancy
{
    /// <summary>Opens the database, runs <paramref name="action"/> and closes the database.</summary>
    /// <param name="context">The command's context; <c>--db</c> and the clock come from it.</param>
    /// <param name="action">The command's work; returns the exit code.</param>
    /// <param name="inputFile">The file a configuration document came from (as typed), so JSON positions name it.</param>
    /// <param name="databasePath">The database to open instead of <c>--db</c>, as the user should see it.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandContext context, Func<SqliteTenancy, Task<int>> action, string? inputFile = null, string? databasePath = null)
    {
        var shownPath = databasePath ?? context.Globals.DatabasePath;
        var fullPath = context.Resolve(shownPath);
        try
        {
            var tenancy = await SqliteTenancy.OpenAsync(fullPath, new ResolverOptions(), context.Console.Clock).ConfigureAwait(false);
            await using (tenancy.ConfigureAwait(false))
            {
                return await action(tenancy).ConfigureAwait(false);
            }
        }
        catch (ConfigResolverException e)
        {
            foreach (var line in ConfigDiagnosticRenderer.RenderAll(e.Diagnostics, inputFile))
            {
                // Messages name the database as the user typed it, not as an absolute path.
                context.Report(line.Replace(fullPath, shownPath, StringComparison.Ordinal));
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
}
