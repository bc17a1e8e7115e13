using ConfigResolver.Cli.CommandLine;

namespace ConfigResolver.Cli.Rendering;

/// <summary>The help texts: the command list (<c>cfgr --help</c>), one command's options, and the short usage after a usage error.</summary>
internal static class HelpRenderer
{
    /// <summary>Lines of <c>cfgr --help</c>.</summary>
    /// <param name="commands">The registered commands.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Global(IReadOnlyList<ICliCommand> commands)
    {
        yield return "cfgr: command-line tool for ConfigResolver.";
        yield return string.Empty;
        yield return "usage: cfgr [--db <path>] <command> [options]";
        yield return string.Empty;
        yield return "commands:";
        foreach (var line in Table(commands.Select(static c => (c.Spec.Name, c.Spec.Summary))))
        {
            yield return line;
        }

        foreach (var line in GlobalOptionLines())
        {
            yield return line;
        }

        yield return string.Empty;
        yield return "exit codes:";
        foreach (var line in Table(ExitCodes.All.Select(static e => (e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Meaning))))
        {
            yield return line;
        }

        yield return string.Empty;
        yield return "Arguments may come from a response file: cfgr @args.rsp (split like a command line; # starts a comment line).";
        yield return "Shell completion: the [suggest] directive of System.CommandLine (see docs/cli.md).";
        yield return "Environment: CFGR_DB is the database when --db is not given; NO_COLOR turns colour off.";
    }

    /// <summary>Lines of <c>cfgr &lt;group&gt; --help</c>: the group's commands.</summary>
    /// <param name="commands">The registered commands.</param>
    /// <param name="group">The group's words, e.g. <c>org config</c>.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Group(IReadOnlyList<ICliCommand> commands, string group)
    {
        yield return $"usage: cfgr {group} <command> [options]";
        yield return string.Empty;
        yield return "commands:";
        var members = commands.Where(c => c.Spec.Name.StartsWith(group + " ", StringComparison.Ordinal));
        foreach (var line in Table(members.Select(static c => (c.Spec.Name, c.Spec.Summary))))
        {
            yield return line;
        }

        yield return string.Empty;
        yield return $"Run 'cfgr {group} <command> --help' for a command's options.";
    }

    /// <summary>Lines of <c>cfgr &lt;command&gt; --help</c>.</summary>
    /// <param name="spec">The command.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Command(CommandSpec spec)
    {
        yield return "usage: " + spec.UsageLine;
        yield return string.Empty;
        yield return spec.Summary;
        if (spec.Description is not null)
        {
            yield return string.Empty;
            foreach (var line in spec.Description.Split('\n'))
            {
                yield return line.TrimEnd();
            }
        }

        if (spec.Arguments.Length > 0)
        {
            yield return string.Empty;
            yield return "arguments:";
            foreach (var line in Table(spec.Arguments.Select(static a => (a.UsageText, a.Description))))
            {
                yield return line;
            }
        }

        if (spec.Options.Length > 0)
        {
            yield return string.Empty;
            yield return "options:";
            foreach (var line in Table(spec.Options.Select(static o => (o.HelpText, o.Description))))
            {
                yield return line;
            }
        }

        foreach (var line in GlobalOptionLines())
        {
            yield return line;
        }
    }

    /// <summary>The short usage printed to standard error after a usage error.</summary>
    /// <param name="spec">The command, or null for the global usage.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> ShortUsage(CommandSpec? spec) =>
        spec is null
            ? ["usage: cfgr [--db <path>] <command> [options]", "Run 'cfgr --help' for the list of commands."]
            : ["usage: " + spec.UsageLine, $"Run 'cfgr {spec.Name} --help' for details."];

    private static IEnumerable<string> GlobalOptionLines()
    {
        yield return string.Empty;
        yield return "global options:";
        foreach (var line in Table(GlobalOptions.Specs.Select(static o => (o.HelpText, o.Description))))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> Table(IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        var width = list.Count == 0 ? 0 : list.Max(static r => r.Left.Length);
        return list.Select(r => $"  {r.Left.PadRight(width)}  {r.Right}");
    }
}
