namespace ConfigResolver.Cli.CommandLine;

/// <summary>Options several commands share, so that they read and document the same way everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--org &lt;slug&gt;</c>: every command that acts on an organization takes it.</summary>
    public static OptionSpec Organization { get; } = new("--org", "slug", "The organization (the slug may also come as the first argument).");

    /// <summary>The positional <c>[&lt;slug&gt;]</c>, kept so existing scripts (<c>cfgr org show acme</c>) go on working.</summary>
    public static ArgumentSpec OrganizationPositional { get; } = new("slug", "The organization, as an alternative to --org.", Required: false);

    /// <summary><c>--json</c>: every command that prints data takes it.</summary>
    public static OptionSpec Json { get; } = new("--json", null, "Print JSON instead of text (docs/cli.md gives each shape).");
}
