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
        yield return "exit codes: 0 ok, 1 rejected input or failed checks, 2 usage error.";
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
            foreach (var line in Table(spec.Options.Select(static o => (Left(o), o.Description))))
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
        foreach (var line in Table(GlobalOptions.Specs.Select(static o => (o.Name == "--help" ? "-h, --help" : Left(o), o.Description))))
        {
            yield return line;
        }
    }

    private static string Left(OptionSpec option) => option.IsFlag ? option.Name : $"{option.Name} <{option.ValueName}>";

    private static IEnumerable<string> Table(IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        var width = list.Count == 0 ? 0 : list.Max(static r => r.Left.Length);
        return list.Select(r => $"  {r.Left.PadRight(width)}  {r.Right}");
    }
}
