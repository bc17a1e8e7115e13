using System.Collections.Frozen;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>A command's options and positional arguments after parsing; already checked against its spec.</summary>
internal sealed class ParsedArguments
{
    private readonly FrozenDictionary<string, string?> _options;

    /// <summary>Creates the parsed arguments.</summary>
    /// <param name="command">The command they belong to.</param>
    /// <param name="options">Option name to value (null for flags), under the option's primary name.</param>
    /// <param name="positionals">Positional arguments in order.</param>
    public ParsedArguments(CommandSpec command, IReadOnlyDictionary<string, string?> options, IReadOnlyList<string> positionals)
    {
        Command = command;
        _options = options.ToFrozenDictionary(StringComparer.Ordinal);
        Positionals = positionals;
    }

    /// <summary>The command.</summary>
    public CommandSpec Command { get; }

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Every value of each repeatable option, in the order given (see <see cref="OptionSpec.Repeatable"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Repeated { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every value of a repeatable option, in the order given; empty when it was not given.</summary>
    /// <param name="name">The option's primary name including dashes.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> Values(string name) => Repeated.TryGetValue(name, out var values) ? values : [];

    /// <summary>Whether <c>--json</c> (or <c>--output json</c>) asks for JSON instead of text.</summary>
    public bool Json => Has("--json") || Value("--output") == "json";

    /// <summary>Whether a flag or option was given.</summary>
    /// <param name="name">The option's primary name including dashes.</param>
    /// <returns>Whether it was given.</returns>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of an option, or null when it was not given.</summary>
    /// <param name="name">The option's primary name including dashes.</param>
    /// <returns>The value, or null.</returns>
    public string? Value(string name) => _options.GetValueOrDefault(name);

    /// <summary>The value of a required option (the parser has checked it is there).</summary>
    /// <param name="name">The option's primary name including dashes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="UsageException">The option is missing.</exception>
    public string Required(string name) =>
        Value(name) ?? throw new UsageException($"missing required option '{name}' for 'cfgr {Command.Name}'.") { Command = Command };

    /// <summary>
    /// The organization a command acts on: <c>--org SLUG</c>, or the first positional for the commands that took it that
    /// way before <c>--org</c> existed (<c>cfgr org show acme</c>).
    /// </summary>
    /// <returns>The slug.</returns>
    /// <exception cref="UsageException">Neither form was given, or both with different slugs.</exception>
    public string Organization()
    {
        var option = Value("--org");
        var positional = Positionals.Count > 0 ? Positionals[0] : null;
        return (option, positional) switch
        {
            (null, null) => throw new UsageException($"missing organization for 'cfgr {Command.Name}': give '--org <slug>' (or the slug as the first argument).") { Command = Command },
            ({ } o, { } p) when o != p => throw new UsageException($"the organization is given twice, as '{o}' and '{p}'; give it once.") { Command = Command },
            _ => option ?? positional!,
        };
    }
}
