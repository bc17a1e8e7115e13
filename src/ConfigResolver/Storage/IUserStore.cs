using System.Collections.Immutable;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>Reads users.</summary>
/// <remarks>Implementations are safe for concurrent use; reads never wait for writes.</remarks>
public interface IUserStore
{
    /// <summary>Gets a user by id.</summary>
    /// <param name="userId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by email, compared case-insensitively (<see cref="TenancyRules.NormalizeEmail"/>).</summary>
    /// <param name="email">The email.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Lists every user ordered by normalized email.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<User>> ListUsersAsync(CancellationToken cancellationToken = default);
}
