using System.Collections.Immutable;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>What a command is called and what it accepts; the router parses and validates against it.</summary>
/// <param name="Name">The words that select the command, e.g. <c>enforce</c> or <c>policy lint</c>.</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Options">The options it accepts besides the global ones.</param>
/// <param name="Arguments">Its positional arguments, in order.</param>
internal sealed record CommandSpec(string Name, string Summary, ImmutableArray<OptionSpec> Options, ImmutableArray<ArgumentSpec> Arguments)
{
    /// <summary>Creates a spec with options only.</summary>
    /// <param name="name">The command words.</param>
    /// <param name="summary">One line for the command list.</param>
    /// <param name="options">The options.</param>
    public CommandSpec(string name, string summary, params OptionSpec[] options)
        : this(name, summary, [.. options], [])
    {
    }

    /// <summary>Longer text shown by <c>cfgr &lt;command&gt; --help</c> under the usage line, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The words of <see cref="Name"/>.</summary>
    public ImmutableArray<string> Words { get; } = [.. Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The one-line usage: <c>cfgr enforce --model &lt;M.conf&gt; [--explain]</c>.</summary>
    public string UsageLine =>
        string.Join(' ', new[] { "cfgr", Name }.Concat(Options.Select(static o => o.UsageText)).Concat(Arguments.Select(static a => a.UsageText)));

    /// <summary>The option called <paramref name="name"/>, or null.</summary>
    /// <param name="name">The option including dashes.</param>
    /// <returns>The spec, or null.</returns>
    public OptionSpec? FindOption(string name) => Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
