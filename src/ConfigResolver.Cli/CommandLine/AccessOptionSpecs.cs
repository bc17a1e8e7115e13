namespace ConfigResolver.Cli.CommandLine;

/// <summary>Options the access commands share.</summary>
internal static class AccessOptionSpecs
{
    /// <summary><c>--org &lt;slug&gt;</c>, required.</summary>
    public static OptionSpec Organization { get; } = new("--org", "slug", "The organization.", Required: true);

    /// <summary><c>--policies DIR</c>: the policy scopes and roles are checked against (the shipped one by default).</summary>
    public static OptionSpec Policies { get; } = new("--policies", "DIR", "The policy directory decisions use (default: the policies shipped inside cfgr).");
}
