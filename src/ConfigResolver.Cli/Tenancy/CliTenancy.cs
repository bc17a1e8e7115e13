using ConfigResolver.Auditing;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Stores;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// How the tenancy commands reach the library: open the store named by <c>--db</c> (else <c>CFGR_DB</c>, else the
/// default SQLite file) with <see cref="TenantStoreLocator"/> and the console's clock, run, and turn a rejection
/// (<see cref="ConfigResolverException"/>: invalid input, unknown names, a store that cannot be opened or reached) into a
/// <see cref="CommandFailedException"/> carrying its diagnostics, which <see cref="CliApp"/> prints one line each (exit 1).
/// A store is a SQLite path (the default), <c>postgres://user:password@host:port/db</c> or an Npgsql keyword string, or
/// <c>litedb:PATH</c>; messages show it without its password.
/// </summary>
internal static class CliTenancy
{
    /// <summary>Opens the store, runs <paramref name="action"/> and closes the store.</summary>
    /// <param name="context">The command's context; <c>--db</c> (or <c>CFGR_DB</c>) and the clock come from it.</param>
    /// <param name="action">The command's work; returns the exit code.</param>
    /// <param name="inputFile">The file a configuration document came from (as typed), so JSON positions name it.</param>
    /// <param name="databasePath">The store to open instead of <c>--db</c>, as the user should see it.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="CommandFailedException">The library rejected the request; carries the rendered diagnostics.</exception>
    public static async Task<int> RunAsync(CommandContext context, Func<StoreTenancy, Task<int>> action, string? inputFile = null, string? databasePath = null)
    {
        var shown = databasePath ?? context.Globals.DatabasePath;
        string? fullPath = null;
        try
        {
            var location = StoreLocation.Parse(shown, context.Console.WorkingDirectory);
            fullPath = location.Kind == StoreKind.Postgres ? null : location.Target;
            var tenancy = await TenantStoreLocator.OpenAsync(shown, new ResolverOptions(), context.Console.WorkingDirectory, context.Console.Clock).ConfigureAwait(false);
            await using (tenancy.ConfigureAwait(false))
            {
                // Every write a command makes is audited as 'cli' unless the command names a user (invite create --by).
                using var actor = AuditActor.Use(AuditActor.Cli);
                return await action(tenancy).ConfigureAwait(false);
            }
        }
        catch (ConfigResolverException e)
        {
            // Messages name a file store as the user typed it, not as an absolute path.
            var typed = PathAsTyped(shown);
            string AsTyped(string text) => fullPath is null ? text : text.Replace(fullPath, typed, StringComparison.Ordinal);
            var lines = DiagnosticRenderer.RenderAll(e.Diagnostics, inputFile).Select(AsTyped).ToList();
            var diagnostics = e.Diagnostics.Select(d => DiagnosticRenderer.ToJson(d, inputFile)).Select(d => d with { Message = AsTyped(d.Message) }).ToList();
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

    private static string PathAsTyped(string locator) =>
        locator.StartsWith("litedb:", StringComparison.OrdinalIgnoreCase) ? locator["litedb:".Length..]
        : locator.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? locator["sqlite:".Length..]
        : locator;
}
