using System.Collections.Immutable;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>The command line is wrong (unknown command or option, missing or malformed argument); exit code 2.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UsageException()
    {
        Problems = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, one line.</param>
    public UsageException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, one line.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception for several problems found at once.</summary>
    /// <param name="problems">One line per problem; the first becomes the message.</param>
    public UsageException(IReadOnlyList<string> problems)
        : base(problems.Count > 0 ? problems[0] : "the command line is wrong.")
    {
        Problems = [.. problems];
    }

    /// <summary>Every problem, one line each (the message is the first).</summary>
    public ImmutableArray<string> Problems { get; }

    /// <summary>The command whose usage is shown after the message, or null for the global usage.</summary>
    public CommandSpec? Command { get; init; }
}
