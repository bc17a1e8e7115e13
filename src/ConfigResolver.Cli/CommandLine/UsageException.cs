namespace ConfigResolver.Cli.CommandLine;

/// <summary>The command line is wrong (unknown command or option, missing or malformed argument); exit code 2.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, one line.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, one line.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The command whose usage is shown after the message, or null for the global usage.</summary>
    public CommandSpec? Command { get; init; }
}
