using ConfigResolver.Commerce;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// Writes an organization's plan, teams and model groups. Each call is one transaction that reads the organization's state
/// and counts (members, pending invitations, keys), applies <see cref="CommerceRules.Apply"/> inside it, writes the result,
/// appends its change-log row and its audit event; a refused write changes nothing.
/// </summary>
public interface ICommerceStoreWriter
{
    /// <summary>Applies one command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state as written.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    /// <exception cref="QuotaException">The command is refused (QTA6xxx).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<CommerceState> ApplyCommerceAsync(CommerceCommand command, CancellationToken cancellationToken = default);
}
