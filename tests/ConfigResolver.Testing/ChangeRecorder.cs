using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>Subscribes to a change feed and records what it publishes.</summary>
public sealed class ChangeRecorder : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<TenantChange> _changes = [];
    private readonly IDisposable _subscription;
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>
    /// Waits until the recorded changes satisfy <paramref name="done"/> (changes from other instances arrive on a
    /// background poll or listener); fails the test with what was recorded when <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<IReadOnlyList<TenantChange>> WaitForAsync(Func<IReadOnlyList<TenantChange>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = Task.Delay(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (done(_changes))
                {
                    return [.. _changes];
                }

                next = _recorded.Task;
            }

            if (await Task.WhenAny(next, deadline) == deadline)
            {
                var seen = string.Join(", ", Changes.Select(c => $"{c.Revision}:{c.Kind}"));
                Assert.Fail($"The expected changes did not arrive in time; recorded: [{seen}].");
            }
        }
    }

    private void Record(TenantChange change)
    {
        TaskCompletionSource recorded;
        lock (_lock)
        {
            _changes.Add(change);
            recorded = _recorded;
            _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        recorded.TrySetResult();
    }
}
