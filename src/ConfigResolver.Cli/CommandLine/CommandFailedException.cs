namespace ConfigResolver.Cli.CommandLine;

/// <summary>A command cannot go on because its input is unusable (a missing file, a bad setting); exit code 1.</summary>
internal sealed class CommandFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, one line, quoting user values.</param>
    public CommandFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, one line.</param>
    /// <param name="innerException">The cause.</param>
    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
