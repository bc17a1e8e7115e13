namespace ConfigResolver.Storage;

/// <summary>
/// Publishes every successful write after it commits, in commit order, so caches and the policy engine can react.
/// </summary>
/// <remarks>
/// Handlers run synchronously on the writer's thread before the write call returns, so a handler must be quick
/// and must not write to the store. A handler that throws is logged and does not fail the write.
/// </remarks>
public interface ITenantChangeFeed
{
    /// <summary>Registers a handler for changes committed from now on.</summary>
    /// <param name="onChange">The handler.</param>
    /// <returns>Disposing it unregisters the handler.</returns>
    IDisposable Subscribe(Action<TenantChange> onChange);
}
