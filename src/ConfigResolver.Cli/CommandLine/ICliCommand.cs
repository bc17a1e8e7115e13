namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// One <c>cfgr</c> command. The router parses and validates the command line against <see cref="Spec"/> before
/// calling <see cref="ExecuteAsync"/>; a command renders its results, returns an exit code from
/// <see cref="ExitCodes"/>, and throws <see cref="UsageException"/> or <see cref="CommandFailedException"/>
/// for the router to report.
/// </summary>
internal interface ICliCommand
{
    /// <summary>Name, summary, options and arguments.</summary>
    CommandSpec Spec { get; }

    /// <summary>Runs the command.</summary>
    /// <param name="context">Parsed arguments, global options, output writers and working directory.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
