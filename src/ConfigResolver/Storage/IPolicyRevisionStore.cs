using System.Collections.Immutable;

namespace ConfigResolver.Storage;

/// <summary>
/// Reads stored policy revisions (the way OPA bundles and Cerbos' store serve a fleet): immutable, numbered 1, 2, 3, ...;
/// the current revision is the newest one.
/// </summary>
public interface IPolicyRevisionStore
{
    /// <summary>Reads the current (newest) revision with its files.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revision, or null when none was ever published.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<PolicyRevision?> GetCurrentPolicyRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one revision with its files.</summary>
    /// <param name="number">The revision number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revision, or null when there is none with that number.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<PolicyRevision?> GetPolicyRevisionAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>Lists revisions, newest first, without their files.</summary>
    /// <param name="maxCount">The most revisions to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revisions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<PolicyRevisionInfo>> ListPolicyRevisionsAsync(int maxCount, CancellationToken cancellationToken = default);
}
