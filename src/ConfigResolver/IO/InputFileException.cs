using ConfigResolver.Diagnostics;

namespace ConfigResolver.IO;

/// <summary>A user-named file could not be read as text; <see cref="ConfigResolverException.Diagnostics"/> holds one diagnostic naming the file.</summary>
public sealed class InputFileException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostic">The problem, with the file and, for invalid bytes, its line and column.</param>
    public InputFileException(Diagnostic diagnostic)
        : base([diagnostic])
    {
    }
}
