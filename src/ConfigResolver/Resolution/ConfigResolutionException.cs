using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Resolution;

/// <summary>
/// Resolution failed: unknown organization (TEN2005), user (TEN2006) or setup (CFG1020), or an unusable
/// environment (CFG1030, CFG1031). Every problem is in <see cref="ConfigResolverException.Diagnostics"/>.
/// </summary>
public sealed class ConfigResolutionException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="diagnostics"/> is empty.</exception>
    public ConfigResolutionException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics)
    {
    }
}
