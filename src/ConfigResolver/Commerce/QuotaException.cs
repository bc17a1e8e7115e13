using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Commerce;

/// <summary>A write refused by a plan's quota or by the rules of teams and model groups (<c>QTA6xxx</c>); nothing was stored.</summary>
public sealed class QuotaException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">The problems, at least one.</param>
    public QuotaException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics)
    {
    }

    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="diagnostic">The problem.</param>
    public QuotaException(Diagnostic diagnostic)
        : base([diagnostic])
    {
    }

    /// <summary>Gets the first problem's code.</summary>
    public string Code => Diagnostics[0].Code;
}
