namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// Plain argument parsing: global options, then the command words (the longest registered name that matches),
/// then the command's options (<c>--name value</c>, <c>--name=value</c>, flags) and positionals. Global options may
/// also follow the command; <c>--</c> ends options. Everything is checked against the command's spec here, so a
/// command only runs with a valid command line.
/// </summary>
internal static class CommandLineParser
{
    /// <summary>Parses <paramref name="args"/> against the registered commands.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="commands">The registered commands.</param>
    /// <returns>The command and its arguments, or a help request.</returns>
    /// <exception cref="UsageException">The command line is wrong.</exception>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<ICliCommand> commands)
    {
        if (args.TakeWhile(static a => a != "--").Any(static a => a is "--help" or "-h"))
        {
            return ParseHelp(args, commands);
        }

        var state = new GlobalState();
        var i = 0;
        while (i < args.Count && IsOption(args[i]))
        {
            var (name, inline) = Split(args[i]);
            if (!TryGlobal(name, inline, args, ref i, state, null))
            {
                throw new UsageException($"unknown option '{name}'; commands take their options after the command name.");
            }

            i++;
        }

        if (i == args.Count)
        {
            throw new UsageException("missing command.");
        }

        var command = FindCommand(args, i, commands);
        i += command.Spec.Words.Length;
        return ParseCommand(args, i, command, state);
    }

    private static ParsedCommandLine ParseCommand(IReadOnlyList<string> args, int i, ICliCommand command, GlobalState state)
    {
        var spec = command.Spec;
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        var endOfOptions = false;
        for (; i < args.Count; i++)
        {
            var token = args[i];
            if (endOfOptions || !IsOption(token))
            {
                positionals.Add(token);
                continue;
            }

            if (token == "--")
            {
                endOfOptions = true;
                continue;
            }

            var (name, inline) = Split(token);
            if (TryGlobal(name, inline, args, ref i, state, spec))
            {
                continue;
            }

            var option = spec.FindOption(name)
                ?? throw new UsageException($"unknown option '{name}' for 'cfgr {spec.Name}'.") { Command = spec };
            if (options.ContainsKey(name))
            {
                throw new UsageException($"option '{name}' is given more than once.") { Command = spec };
            }

            options[name] = option.IsFlag
                ? inline is null ? null : throw new UsageException($"option '{name}' takes no value; found '{inline}'.") { Command = spec }
                : inline ?? TakeValue(args, ref i, name, spec);
        }

        Validate(spec, options, positionals);
        return new ParsedCommandLine(command, new ParsedArguments(spec, options, positionals), state.Globals, false);
    }

    /// <summary><c>--help</c> anywhere wins over every other problem: find the command, if one is named, and show its help.</summary>
    private static ParsedCommandLine ParseHelp(IReadOnlyList<string> args, IReadOnlyList<ICliCommand> commands)
    {
        var i = 0;
        while (i < args.Count && IsOption(args[i]))
        {
            i += args[i] == "--db" ? 2 : 1;
        }

        var command = i < args.Count ? FindCommand(args, i, commands) : null;
        return new ParsedCommandLine(command, null, GlobalOptions.Default, true);
    }

    private static void Validate(CommandSpec spec, Dictionary<string, string?> options, List<string> positionals)
    {
        var missing = spec.Options.Where(o => o.Required && !options.ContainsKey(o.Name)).Select(static o => $"'{o.Name}'").ToList();
        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "option" : "options";
            throw new UsageException($"missing required {noun} {string.Join(", ", missing)} for 'cfgr {spec.Name}'.") { Command = spec };
        }

        if (positionals.Count > spec.Arguments.Length)
        {
            throw new UsageException($"unexpected argument '{positionals[spec.Arguments.Length]}' for 'cfgr {spec.Name}'.") { Command = spec };
        }

        var absent = spec.Arguments.Skip(positionals.Count).FirstOrDefault(static a => a.Required);
        if (absent is not null)
        {
            throw new UsageException($"missing argument <{absent.Name}> for 'cfgr {spec.Name}'.") { Command = spec };
        }
    }

    private static ICliCommand FindCommand(IReadOnlyList<string> args, int at, IReadOnlyList<ICliCommand> commands)
    {
        bool Matches(ICliCommand c, int words) =>
            at + words <= args.Count && c.Spec.Words.Take(words).Select((w, k) => w == args[at + k]).All(static m => m);

        var match = commands.Where(c => Matches(c, c.Spec.Words.Length)).MaxBy(static c => c.Spec.Words.Length);
        if (match is not null)
        {
            return match;
        }

        var group = commands.Where(c => c.Spec.Words.Length > 1 && Matches(c, 1)).Select(static c => $"'{c.Spec.Name}'").ToList();
        if (group.Count > 0)
        {
            throw new UsageException($"'{args[at]}' needs a subcommand; expected one of {string.Join(", ", group)}.");
        }

        var known = commands.Select(static c => $"'{c.Spec.Name}'");
        throw new UsageException($"unknown command '{args[at]}'; expected one of {string.Join(", ", known)}.");
    }

    private static bool TryGlobal(string name, string? inline, IReadOnlyList<string> args, ref int i, GlobalState state, CommandSpec? spec)
    {
        switch (name)
        {
            case "--help" or "-h":
                return true;
            case "--db":
                if (state.DatabaseGiven)
                {
                    throw new UsageException("option '--db' is given more than once.") { Command = spec };
                }

                state.DatabaseGiven = true;
                state.Globals = state.Globals with { DatabasePath = inline ?? TakeValue(args, ref i, name, spec), DatabaseGiven = true };
                return true;
            default:
                return false;
        }
    }

    private static string TakeValue(IReadOnlyList<string> args, ref int i, string name, CommandSpec? spec)
    {
        if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
        {
            throw new UsageException($"option '{name}' needs a value.") { Command = spec };
        }

        return args[++i];
    }

    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-';

    private static (string Name, string? Inline) Split(string token)
    {
        var eq = token.StartsWith("--", StringComparison.Ordinal) ? token.IndexOf('=', StringComparison.Ordinal) : -1;
        return eq < 0 ? (token, null) : (token[..eq], token[(eq + 1)..]);
    }

    private sealed class GlobalState
    {
        public GlobalOptions Globals { get; set; } = GlobalOptions.Default;

        public bool DatabaseGiven { get; set; }
    }
}
