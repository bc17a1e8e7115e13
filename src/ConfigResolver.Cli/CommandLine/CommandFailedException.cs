using System.Collections.Immutable;
using ConfigResolver.Cli.Rendering;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// A command cannot go on because its input is unusable (a missing file, an unknown user, a document the library
/// rejected); exit code 1. <see cref="CliApp"/> prints it: <c>error: message</c>, or the diagnostics one line each.
/// </summary>
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

    /// <summary>Creates the exception for diagnostics already rendered.</summary>
    /// <param name="lines">The lines to print on standard error, one per diagnostic.</param>
    /// <param name="diagnostics">The same diagnostics for <c>--json</c>.</param>
    /// <param name="innerException">The library's exception.</param>
    public CommandFailedException(IReadOnlyList<string> lines, IReadOnlyList<CliDiagnostic> diagnostics, Exception innerException)
        : base(lines.Count > 0 ? lines[0] : innerException?.Message, innerException)
    {
        Lines = [.. lines];
        Diagnostics = [.. diagnostics];
    }

    /// <summary>Rendered diagnostic lines; empty when the message alone says what is wrong.</summary>
    public ImmutableArray<string> Lines { get; } = [];

    /// <summary>The diagnostics behind <see cref="Lines"/>.</summary>
    public ImmutableArray<CliDiagnostic> Diagnostics { get; } = [];
}
