namespace ConfigResolver.Cli.CommandLine;

/// <summary>Options several commands share, so that they read and document the same way everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--org &lt;slug&gt;</c>: every command that acts on an organization takes it.</summary>
    public static OptionSpec Organization { get; } = new("--org", "slug", "The organization (the slug may also come as the first argument).");

    /// <summary>The positional <c>[&lt;slug&gt;]</c>, kept so existing scripts (<c>cfgr org show acme</c>) go on working.</summary>
    public static ArgumentSpec OrganizationPositional { get; } = new("slug", "The organization, as an alternative to --org.", Required: false);

    /// <summary><c>--org &lt;slug&gt;</c> for commands that take an organization or a user (<see cref="OrganizationOrUser"/>).</summary>
    public static OptionSpec OrganizationOrUserOrg { get; } = new("--org", "slug", "The organization (give --org or --user).");

    /// <summary><c>--setup &lt;name&gt;</c>: the setup a resolution reads.</summary>
    public static OptionSpec Setup { get; } = new("--setup", "name", "The setup (default: 'default').");

    /// <summary>Reads <c>--org</c> and <c>--user</c>, exactly one of which must be given.</summary>
    /// <param name="arguments">The parsed arguments.</param>
    /// <param name="spec">The command, for the usage line of the error.</param>
    /// <returns>The organization's slug or null, and the user's email or null; exactly one is set.</returns>
    /// <exception cref="UsageException">Neither or both were given.</exception>
    public static (string? Organization, string? User) OrganizationOrUser(ParsedArguments arguments, CommandSpec spec)
    {
        var (org, user) = (arguments.Value("--org"), arguments.Value("--user"));
        return (org is null) == (user is null)
            ? throw new UsageException("give exactly one of '--org' and '--user'.") { Command = spec }
            : (org, user);
    }

    /// <summary><c>--json</c>: every command that prints data takes it.</summary>
    public static OptionSpec Json { get; } = new("--json", null, "Print JSON instead of text (docs/cli.md gives each shape).");
}
