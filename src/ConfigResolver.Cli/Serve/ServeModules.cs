namespace ConfigResolver.Cli.Serve;

/// <summary>The modules <c>cfgr serve</c> adds after the core API (none yet; the playground of issue 16 goes here).</summary>
internal static class ServeModules
{
    /// <summary>Gets the modules, in order.</summary>
    public static IReadOnlyList<IServeModule> All { get; } = [];
}
