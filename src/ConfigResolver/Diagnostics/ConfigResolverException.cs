using System.Collections.Immutable;

namespace ConfigResolver.Diagnostics;

/// <summary>
/// Base class of every exception the library throws for rejected input or failed operations.
/// It carries every <see cref="Diagnostic"/> found, so a caller can report all problems at once.
/// </summary>
/// <remarks>The message is the diagnostics, one per line; it never contains a secret value.</remarks>
public abstract class ConfigResolverException : Exception
{
    /// <summary>Initializes the exception from its diagnostics.</summary>
    /// <param name="diagnostics">The problems, at least one.</param>
    /// <param name="innerException">The provider exception that caused it, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="diagnostics"/> is empty.</exception>
    protected ConfigResolverException(ImmutableArray<Diagnostic> diagnostics, Exception? innerException = null)
        : base(Format(diagnostics), innerException)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets every problem found, sorted by position, then pointer, then code.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string Format(ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        return string.Join(Environment.NewLine, diagnostics);
    }
}
