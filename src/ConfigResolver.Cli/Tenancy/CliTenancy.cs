using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// How the tenancy commands reach the library: open the SQLite file named by <c>--db</c> with the console's clock, run,
/// and turn a rejection (<see cref="ConfigResolverException"/>: invalid input, unknown names, a store failure) into a
/// <see cref="CommandFailedException"/> carrying its diagnostics, which <see cref="CliApp"/> prints one line each (exit 1).
/// </summary>
internal static class CliTenancy
{
    /// <summary>Opens the database, runs <paramref name="action"/> and closes the database.</summary>
    /// <param name="context">The command's context; <c>--db</c> and the clock come from it.</param>
    /// <param name="action">The command's work; returns the exit code.</param>
    /// <param name="inputFile">The file a configuration document came from (as typed), so JSON positions name it.</param>
    /// <param name="databasePath">The database to open instead of <c>--db</c>, as the user should see it.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CommandFailedException">The library rejected the request; carries the rendered diagnostics.</exception>
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
            // Messages name the database as the user typed it, not as an absolute path.
            var lines = ConfigDiagnosticRenderer.RenderAll(e.Diagnostics, inputFile).Select(l => l.Replace(fullPath, shownPath, StringComparison.Ordinal)).ToList();
            var diagnostics = e.Diagnostics.Select(d => CliDiagnostic.From(d, inputFile)).Select(d => d with { Message = d.Message.Replace(fullPath, shownPath, StringComparison.Ordinal) }).ToList();
            throw new CommandFailedException(lines, diagnostics, e);
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
