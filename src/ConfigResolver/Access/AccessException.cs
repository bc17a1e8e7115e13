using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Access;

/// <summary>
/// An access request was refused: an API key or token that is not valid, a scope the caller does not hold, an invitation
/// that cannot be used, a sign-up key that matches nothing. Nothing was written. Messages never contain a secret.
/// </summary>
public sealed class AccessException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">Every problem found; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="diagnostics"/> is empty.</exception>
    public AccessException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics)
    {
    }

    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="diagnostic">The problem.</param>
    public AccessException(Diagnostic diagnostic)
        : base([diagnostic])
    {
    }

    /// <summary>Gets the code of the first problem (<see cref="AccessDiagnosticCodes"/>).</summary>
    public string Code => Diagnostics[0].Code;
}
