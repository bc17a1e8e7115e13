using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Policy.Diagnostics;

/// <summary>
/// Thrown when a model, a policy or a policy file is rejected. Carries every problem found, sorted by position;
/// whatever was in force before stays in force.
/// </summary>
public sealed class PolicyCompilationException : Exception
{
    /// <summary>Creates the exception from one or more diagnostics.</summary>
    /// <param name="diagnostics">The problems, at least one.</param>
    public PolicyCompilationException(IEnumerable<Diagnostic> diagnostics)
        : this(Normalize(diagnostics))
    {
    }

    private PolicyCompilationException(ImmutableArray<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception with a message only (prefer the diagnostics constructor).</summary>
    public PolicyCompilationException()
        : this([new Diagnostic("POL0000", "The policy input was rejected.")])
    {
    }

    /// <summary>Creates an exception with a single generic diagnostic carrying <paramref name="message"/>.</summary>
    /// <param name="message">The problem.</param>
    public PolicyCompilationException(string message)
        : this([new Diagnostic("POL0000", message)])
    {
    }

    /// <summary>Creates an exception with a single generic diagnostic and an inner exception.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [new Diagnostic("POL0000", message)];
    }

    /// <summary>Every problem found, de-duplicated and sorted by file, line and column.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static ImmutableArray<Diagnostic> Normalize(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sorted = DiagnosticOrdering.SortAndDeduplicate(diagnostics);
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        return sorted;
    }

    private static string BuildMessage(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Length == 1
            ? diagnostics[0].ToString()
            : $"{diagnostics.Length} problems:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}";
}
