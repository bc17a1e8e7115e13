using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>
/// The store itself failed (I/O, corruption, a read-only file, a lock timeout), as opposed to rejecting a write.
/// Wraps the provider's exception and keeps its code.
/// </summary>
public sealed class TenantStoreException : ConfigResolverException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The store operation, for example <c>UpdateOrganization</c>.</param>
    /// <param name="organization">The slug of the organization concerned, if any.</param>
    /// <param name="providerCode">The provider's error code (SQLite error code, PostgreSQL SQLSTATE), if any.</param>
    /// <param name="isTransient">Whether retrying may succeed.</param>
    /// <param name="reason">What went wrong, without secrets.</param>
    /// <param name="innerException">The provider exception.</param>
    public TenantStoreException(string operation, string? organization, string? providerCode, bool isTransient, string reason, Exception? innerException = null)
        : base([Describe(operation, organization, providerCode, isTransient, reason)], innerException)
    {
        Operation = operation;
        Organization = organization;
        ProviderCode = providerCode;
        IsTransient = isTransient;
    }

    /// <summary>Gets the store operation that failed.</summary>
    public string Operation { get; }

    /// <summary>Gets the slug of the organization concerned, if any.</summary>
    public string? Organization { get; }

    /// <summary>Gets the provider's error code, if any.</summary>
    public string? ProviderCode { get; }

    /// <summary>Gets whether retrying may succeed (busy, locked, timeout) rather than fail the same way (corrupt, read-only).</summary>
    public bool IsTransient { get; }

    private TenantStoreException(Diagnostic diagnostic, string operation)
        : base([diagnostic])
    {
        Operation = operation;
    }

    /// <summary>
    /// Creates the exception for a store location that cannot be used at all — a directory, a device or a FIFO where a
    /// database file belongs, a missing or read-only folder (code <see cref="DiagnosticCodes.InvalidDatabasePath"/>).
    /// Nothing was opened or created.
    /// </summary>
    /// <param name="operation">The store operation, for example <c>Open</c>.</param>
    /// <param name="reason">What is wrong with the location, naming it.</param>
    /// <returns>The exception.</returns>
    public static TenantStoreException UnusableLocation(string operation, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new TenantStoreException(
            new Diagnostic(DiagnosticCodes.InvalidDatabasePath, $"store operation {operation} failed: {reason.TrimEnd('.')}.") { Where = "store" },
            operation);
    }

    private static Diagnostic Describe(string operation, string? organization, string? providerCode, bool isTransient, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var code = providerCode is null ? string.Empty : $" (provider code {providerCode})";
        var retry = isTransient ? " Retrying may help." : string.Empty;
        return new Diagnostic(DiagnosticCodes.StoreFailure, $"store operation {operation} failed{code}: {reason.TrimEnd('.')}.{retry}")
        {
            Where = organization is null ? "store" : TenancyDiagnostics.OrgSubject(organization),
        };
    }
}
