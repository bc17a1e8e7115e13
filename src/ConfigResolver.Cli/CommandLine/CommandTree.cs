using System.CommandLine;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// The System.CommandLine tree built from the registered commands' specs: one <see cref="Command"/> per word
/// (<c>org</c> → <c>config</c> → <c>get</c>), options and positionals from each <see cref="CommandSpec"/>, and the
/// global options. The tree only tokenizes and matches (response files and the <c>[suggest]</c> completion directive
/// come with it); <see cref="CommandLineParser"/> turns the result into our one-line-per-problem usage errors.
/// </summary>
internal sealed class CommandTree
{
    private readonly Dictionary<Command, ICliCommand> _leaves = [];
    private readonly Dictionary<Command, string> _words = [];
    private readonly Dictionary<Command, List<(OptionSpec Spec, Option Option)>> _options = [];
    private readonly Dictionary<Command, List<(ArgumentSpec Spec, Argument<string> Argument)>> _arguments = [];

    private CommandTree(IReadOnlyList<ICliCommand> commands)
    {
        // Our own --help and --version replace the defaults (which add /?, -? and their own rendering).
        Root.Options.Clear();
        Root.Options.Add(Database);
        Root.Options.Add(Help);
        Root.Options.Add(Version);
        _words[Root] = string.Empty;
        foreach (var command in commands)
        {
            Add(command);
        }
    }

    /// <summary>The root command (<c>cfgr</c>).</summary>
    public RootCommand Root { get; } = new("cfgr: command-line tool for ConfigResolver.");

    /// <summary><c>--db</c>, accepted by every command.</summary>
    public Option<string> Database { get; } = new("--db") { Recursive = true, Arity = ArgumentArity.ExactlyOne };

    /// <summary><c>--help</c>/<c>-h</c>, anywhere.</summary>
    public Option<bool> Help { get; } = new("--help", "-h") { Recursive = true, Arity = ArgumentArity.Zero };

    /// <summary><c>--version</c>, before any command.</summary>
    public Option<bool> Version { get; } = new("--version") { Arity = ArgumentArity.Zero };

    /// <summary>Builds the tree for a set of commands.</summary>
    /// <param name="commands">The registered commands.</param>
    /// <returns>The tree.</returns>
    public static CommandTree Build(IReadOnlyList<ICliCommand> commands) => new(commands);

    /// <summary>The registered command a node runs, or null for a group (<c>org</c>) or the root.</summary>
    /// <param name="node">A node of the tree.</param>
    /// <returns>The command, or null.</returns>
    public ICliCommand? CommandOf(Command node) => _leaves.GetValueOrDefault(node);

    /// <summary>The words that select a node (<c>org config</c>); empty for the root.</summary>
    /// <param name="node">A node of the tree.</param>
    /// <returns>The words joined by spaces.</returns>
    public string WordsOf(Command node) => _words[node];

    /// <summary>The options of a command node with their specs.</summary>
    /// <param name="node">A node of the tree.</param>
    /// <returns>The options, in spec order.</returns>
    public IReadOnlyList<(OptionSpec Spec, Option Option)> OptionsOf(Command node) => _options.GetValueOrDefault(node) ?? [];

    /// <summary>The positional arguments of a command node with their specs.</summary>
    /// <param name="node">A node of the tree.</param>
    /// <returns>The arguments, in order.</returns>
    public IReadOnlyList<(ArgumentSpec Spec, Argument<string> Argument)> ArgumentsOf(Command node) => _arguments.GetValueOrDefault(node) ?? [];

    private void Add(ICliCommand command)
    {
        var spec = command.Spec;
        Command node = Root;
        foreach (var word in spec.Words)
        {
            var child = node.Subcommands.FirstOrDefault(c => c.Name == word);
            if (child is null)
            {
                child = new Command(word, spec.Words.Length == 1 ? spec.Summary : null);
                _words[child] = _words[node].Length == 0 ? word : $"{_words[node]} {word}";
                node.Subcommands.Add(child);
            }

            node = child;
        }

        node.Description = spec.Summary;
        _leaves[node] = command;
        _options[node] = [.. spec.Options.Select(o => (o, Create(o)))];
        foreach (var (_, option) in _options[node])
        {
            node.Options.Add(option);
        }

        // Positionals are all optional here: missing ones are reported by the parser in our own words.
        _arguments[node] = [.. spec.Arguments.Select(a => (a, new Argument<string>(a.Name) { Arity = ArgumentArity.ZeroOrOne, Description = a.Description }))];
        foreach (var (_, argument) in _arguments[node])
        {
            node.Arguments.Add(argument);
        }
    }

    // Values are taken as text and checked by the parser (required, repeated, missing value) so that every problem
    // is reported once, in the same words, whatever System.CommandLine would say.
    private static Option Create(OptionSpec spec)
    {
        var aliases = spec.Aliases.ToArray();
        if (spec.Repeatable)
        {
            // One value per occurrence (--scope a --scope b); '--scope a b' leaves 'b' unmatched, reported as unexpected.
            return new Option<string[]>(spec.Name, aliases) { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false, Description = spec.Description, HelpName = spec.ValueName };
        }

        return spec.IsFlag
            ? new Option<bool>(spec.Name, aliases) { Arity = ArgumentArity.Zero, Description = spec.Description }
            : new Option<string>(spec.Name, aliases) { Arity = ArgumentArity.ExactlyOne, Description = spec.Description, HelpName = spec.ValueName };
    }
}
