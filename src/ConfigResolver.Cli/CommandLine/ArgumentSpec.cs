namespace ConfigResolver.Cli.CommandLine;

/// <summary>A positional argument a command accepts, e.g. the name in <c>cfgr org create &lt;name&gt;</c>.</summary>
/// <param name="Name">How help shows it.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Required">Whether the command refuses to run without it.</param>
internal sealed record ArgumentSpec(string Name, string Description, bool Required = true)
{
    /// <summary>How usage lines show the argument.</summary>
    public string UsageText => Required ? $"<{Name}>" : $"[<{Name}>]";
}
