using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>Writes users; each call is one transaction with its invariant checks inside.</summary>
public interface IUserStoreWriter
{
    /// <summary>Adds a user. A new user has no memberships, so <see cref="User.DefaultOrganizationId"/> must be null.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">Duplicate id (TEN2016) or email (TEN2004), or a default organization (TEN2012).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task CreateUserAsync(User user, CancellationToken cancellationToken = default);

    /// <summary>Replaces a user, found by id. The default organization must be one of the user's memberships.</summary>
    /// <param name="user">The new state.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">Unknown user (TEN2006), duplicate email (TEN2004), creation time changed (TEN2015), or default organization not a membership (TEN2012).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task UpdateUserAsync(User user, CancellationToken cancellationToken = default);
}
