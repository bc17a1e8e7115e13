using ConfigResolver.Diagnostics;

namespace ConfigResolver.Stores;

/// <summary>A store locator that names no store (STO3003); its message never repeats a password.</summary>
public sealed class InvalidStoreLocatorException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostic">What was expected and found.</param>
    public InvalidStoreLocatorException(Diagnostic diagnostic)
        : base([diagnostic])
    {
    }
}
