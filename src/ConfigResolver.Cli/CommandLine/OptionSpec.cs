using System.Collections.Immutable;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>A <c>--name</c> option a command accepts.</summary>
/// <param name="Name">The option including its dashes, e.g. <c>--model</c>; values are stored under this name.</param>
/// <param name="ValueName">How help shows its value (<c>M.conf</c>), or null for a flag that takes no value.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Required">Whether the command refuses to run without it.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Required = false)
{
    /// <summary>Other names for the same option (<c>--org</c> for <c>--slug</c>); help lists them after the name.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Whether the option may be given several times (<c>--scope a --scope b</c>); read it with <see cref="ParsedArguments.Values"/>.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Whether the option is a flag (takes no value).</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>The name and the aliases.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);

    /// <summary>How usage lines show the option: <c>--model &lt;M.conf&gt;</c>, bracketed when optional.</summary>
    public string UsageText
    {
        get
        {
            var text = IsFlag ? Name : $"{Name} <{ValueName}>";
            text = Required ? text : $"[{text}]";
            return Repeatable ? text + "..." : text;
        }
    }

    /// <summary>How help's option table shows it: <c>--slug, --org &lt;slug&gt;</c>.</summary>
    public string HelpText => IsFlag ? string.Join(", ", AllNames) : $"{string.Join(", ", AllNames)} <{ValueName}>";
}
