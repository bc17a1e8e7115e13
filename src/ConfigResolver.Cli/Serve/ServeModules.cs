using ConfigResolver.Cli.CommandLine;

namespace ConfigResolver.Cli.Serve;

/// <summary>The modules <c>cfgr serve</c> adds after the core API, as its settings ask.</summary>
internal static class ServeModules
{
    /// <summary>Gets the modules for one run, in order.</summary>
    public static IReadOnlyList<IServeModule> For(CommandContext context, ServeSettings settings) =>
        settings.Playground ? [new PlaygroundModule(context, settings)] : [];
}
