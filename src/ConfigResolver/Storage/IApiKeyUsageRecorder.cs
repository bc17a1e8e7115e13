using ConfigResolver.Access;

namespace ConfigResolver.Storage;

/// <summary>
/// Records when keys were last used, in batches. Usage is telemetry, not an administrative write: it appends no change-log
/// row and no audit event, and never moves a key's last-used time backwards.
/// </summary>
public interface IApiKeyUsageRecorder
{
    /// <summary>Stores a batch of last-used times in one transaction; unknown keys are skipped.</summary>
    /// <param name="usage">The batch.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the batch is committed.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task RecordApiKeyUsageAsync(IReadOnlyCollection<ApiKeyUsage> usage, CancellationToken cancellationToken = default);
}
