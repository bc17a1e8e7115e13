using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

/// <summary>
/// A write or an input was rejected: an invalid configuration document, a duplicate slug, the last owner's
/// removal, an unknown organization or user. Nothing was stored. Every problem is in <see cref="ConfigResolverException.Diagnostics"/>.
/// </summary>
public sealed class TenantValidationException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">Every problem found; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="diagnostics"/> is empty.</exception>
    public TenantValidationException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics)
    {
    }
}
