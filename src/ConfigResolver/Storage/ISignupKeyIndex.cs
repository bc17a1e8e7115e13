using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>Finds an organization by the hash of its signup key (an index lookup, never a plaintext scan).</summary>
public interface ISignupKeyIndex
{
    /// <summary>Finds the organization whose configured signup key has this hash.</summary>
    /// <param name="hash">The hash (<see cref="SignupKeyHash.Compute"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The organization, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Organization?> FindOrganizationBySignupKeyAsync(SignupKeyHash hash, CancellationToken cancellationToken = default);
}
