using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>Subscribes to a change feed and records what it publishes.</summary>
public sealed class ChangeRecorder : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<TenantChange> _changes = [];
    private readonly IDisposable _subscription;

    public ChangeRecorder(ITenantChangeFeed feed) => _subscription = feed.Subscribe(Record);

    public IReadOnlyList<TenantChange> Changes
    {
        get
        {
            lock (_lock)
            {
                return [.. _changes];
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _changes.Clear();
        }
    }

    public void Dispose() => _subscription.Dispose();

    private void Record(TenantChange change)
    {
        lock (_lock)
        {
            _changes.Add(change);
        }
    }
}
