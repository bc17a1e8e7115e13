using System.CommandLine;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>The outcome of parsing a command line: the command to run with its arguments, or something to print instead.</summary>
/// <param name="Command">The selected command, or null when help was asked for without one (or for a group).</param>
/// <param name="Arguments">The command's arguments, or null when the command does not run.</param>
/// <param name="Globals">The global options.</param>
/// <param name="HelpRequested">Whether <c>--help</c> was given: help is printed instead of running anything.</param>
internal sealed record ParsedCommandLine(ICliCommand? Command, ParsedArguments? Arguments, GlobalOptions Globals, bool HelpRequested)
{
    /// <summary>Whether <c>cfgr --version</c> was asked for.</summary>
    public bool VersionRequested { get; init; }

    /// <summary>For help on a group (<c>cfgr org --help</c>): the group's words; null otherwise.</summary>
    public string? Group { get; init; }

    /// <summary>A directive (<c>[suggest]</c> for shell completion) to invoke instead of a command; null otherwise.</summary>
    public ParseResult? Directive { get; init; }
}
