namespace ConfigResolver.Cli.CommandLine;

/// <summary>The outcome of parsing a command line: the command to run with its arguments, or a request for help.</summary>
/// <param name="Command">The selected command, or null when help was asked for without one.</param>
/// <param name="Arguments">The command's arguments, or null when help was asked for.</param>
/// <param name="Globals">The global options.</param>
/// <param name="HelpRequested">Whether <c>--help</c> was given: help is printed instead of running anything.</param>
internal sealed record ParsedCommandLine(ICliCommand? Command, ParsedArguments? Arguments, GlobalOptions Globals, bool HelpRequested);
