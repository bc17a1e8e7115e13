using System.CommandLine;
using System.CommandLine.Parsing;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// Parses a command line with System.CommandLine (tokens, <c>--name=value</c>, <c>--</c>, response files
/// <c>@file</c>, the <c>[suggest]</c> directive) against the registered commands, then checks it against the
/// command's spec and reports every problem as one line in our own words (unknown or misplaced option, missing or
/// repeated value, missing required option or argument). A command only ever runs with a valid command line.
/// </summary>
internal static class CommandLineParser
{
    /// <summary>Parses <paramref name="args"/> against the registered commands.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="commands">The registered commands.</param>
    /// <param name="workingDirectory">Where <c>@file</c> response files are found; the current directory when null.</param>
    /// <returns>The command and its arguments, or a help, version or completion request.</returns>
    /// <exception cref="UsageException">The command line is wrong; every problem is listed.</exception>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<ICliCommand> commands, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            throw new UsageException("missing command.");
        }

        var tree = CommandTree.Build(commands);
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = ResponseFiles.Replacer(workingDirectory ?? Environment.CurrentDirectory) };
        var result = tree.Root.Parse(args, configuration);
        var node = result.CommandResult.Command;
        var command = tree.CommandOf(node);
        var globals = Globals(tree, result);
        var beforeDoubleDash = result.Tokens.TakeWhile(static t => t.Type != TokenType.DoubleDash).ToList();
        if (beforeDoubleDash.Any(static t => t.Type == TokenType.Directive))
        {
            return new ParsedCommandLine(null, null, globals, false) { Directive = result };
        }

        // --help anywhere wins over every other problem, even where it was read as an option's value.
        if (beforeDoubleDash.Any(static t => t.Value is "--help" or "-h"))
        {
            return new ParsedCommandLine(command, null, globals, true) { Group = command is null && node != tree.Root ? tree.WordsOf(node) : null };
        }

        if (result.GetResult(tree.Version) is { Implicit: false })
        {
            return new ParsedCommandLine(null, null, globals, false) { VersionRequested = true };
        }

        // What System.CommandLine found that the checks below do not cover (an unreadable response file, say).
        var other = result.Errors.Where(static e => e.SymbolResult is not (OptionResult or CommandResult)).Select(static e => e.Message).ToList();
        if (command is null)
        {
            throw other.Count > 0 ? new UsageException(other) : NoCommand(tree, node, result, commands);
        }

        var problems = new List<string>();
        var spec = command.Spec;
        var flagValues = FlagValues(args, tree.OptionsOf(node));
        problems.AddRange(flagValues.Select(static f => $"option '{f.Name}' takes no value; found '{f.Value}'."));
        var unmatched = result.UnmatchedTokens.ToList();
        foreach (var (_, value) in flagValues)
        {
            unmatched.Remove(value);
        }

        problems.AddRange(unmatched.Select(t => Unmatched(t, spec)));
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (optionSpec, option) in tree.OptionsOf(node).Append((GlobalOptions.Specs[0], (Option)tree.Database)))
        {
            if (result.GetResult(option) is not { Implicit: false } found)
            {
                continue;
            }

            var tokens = found.Tokens;
            if (!optionSpec.IsFlag && (tokens.Count == 0 || IsOptionLike(tokens[0].Value)))
            {
                problems.Add($"option '{optionSpec.Name}' needs a value.");
            }
            else if (optionSpec.Repeatable)
            {
                repeated[optionSpec.Name] = [.. tokens.Select(static t => t.Value)];
                var optionLike = tokens.FirstOrDefault(static t => IsOptionLike(t.Value));
                if (optionLike is not null)
                {
                    problems.Add($"option '{optionSpec.Name}' needs a value; found '{optionLike.Value}'.");
                }
            }
            else if (tokens.Count > 1)
            {
                problems.Add($"option '{optionSpec.Name}' is given more than once.");
            }

            options[optionSpec.Name] = optionSpec.IsFlag ? null : tokens.Count > 0 ? tokens[0].Value : null;
        }

        problems.AddRange(other);
        var positionals = tree.ArgumentsOf(node).Select(a => result.GetValue(a.Argument)).OfType<string>().ToList();
        Validate(spec, options, positionals, problems);
        if (problems.Count > 0)
        {
            throw new UsageException(problems.Distinct(StringComparer.Ordinal).ToList()) { Command = spec };
        }

        options.Remove("--db");
        return new ParsedCommandLine(command, new ParsedArguments(spec, options, positionals) { Repeated = repeated }, globals, false);
    }

    private static GlobalOptions Globals(CommandTree tree, ParseResult result) =>
        result.GetResult(tree.Database) is { Tokens: [var first, ..] }
            ? new GlobalOptions(first.Value) { DatabaseGiven = true }
            : GlobalOptions.Default;

    private static UsageException NoCommand(CommandTree tree, Command node, ParseResult result, IReadOnlyList<ICliCommand> commands)
    {
        if (node != tree.Root)
        {
            var words = tree.WordsOf(node);
            var group = commands.Where(c => c.Spec.Name.StartsWith(words + " ", StringComparison.Ordinal)).Select(static c => $"'{c.Spec.Name}'");
            return new UsageException($"'{words}' needs a subcommand; expected one of {string.Join(", ", group)}.");
        }

        var word = result.UnmatchedTokens.FirstOrDefault(static t => !IsOptionLike(t));
        if (word is not null)
        {
            return new UsageException($"unknown command '{word}'; expected one of {string.Join(", ", commands.Select(static c => $"'{c.Spec.Name}'"))}.");
        }

        var option = result.UnmatchedTokens.Count > 0 ? result.UnmatchedTokens[0] : null;
        return new UsageException(option is null ? "missing command." : $"unknown option '{option}'; commands take their options after the command name.");
    }

    private static string Unmatched(string token, CommandSpec spec)
    {
        if (!IsOptionLike(token))
        {
            return $"unexpected argument '{token}' for 'cfgr {spec.Name}'.";
        }

        // An option of this command given before the command words (cfgr --json org list).
        return spec.Options.Any(o => o.AllNames.Contains(token, StringComparer.Ordinal))
            ? $"option '{token}' goes after the command name: 'cfgr {spec.Name} {token}'."
            : $"unknown option '{token}' for 'cfgr {spec.Name}'.";
    }

    /// <summary><c>--flag=value</c> for a flag: System.CommandLine splits it and leaves the value unmatched.</summary>
    private static List<(string Name, string Value)> FlagValues(IReadOnlyList<string> args, IReadOnlyList<(OptionSpec Spec, Option Option)> options)
    {
        var found = new List<(string, string)>();
        foreach (var arg in args.TakeWhile(static a => a != "--"))
        {
            var eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            if (eq > 0 && options.Any(o => o.Spec.IsFlag && o.Spec.AllNames.Contains(arg[..eq], StringComparer.Ordinal)))
            {
                found.Add((arg[..eq], arg[(eq + 1)..]));
            }
        }

        return found;
    }

    private static void Validate(CommandSpec spec, Dictionary<string, string?> options, List<string> positionals, List<string> problems)
    {
        var missing = spec.Options.Where(o => o.Required && !options.ContainsKey(o.Name)).Select(static o => $"'{o.Name}'").ToList();
        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "option" : "options";
            problems.Add($"missing required {noun} {string.Join(", ", missing)} for 'cfgr {spec.Name}'.");
        }

        var absent = spec.Arguments.Skip(positionals.Count).FirstOrDefault(static a => a.Required);
        if (absent is not null)
        {
            problems.Add($"missing argument <{absent.Name}> for 'cfgr {spec.Name}'.");
        }
    }

    private static bool IsOptionLike(string token) => token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal)
        || (token.Length == 2 && token[0] == '-' && char.IsAsciiLetter(token[1]));
}
