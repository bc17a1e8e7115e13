using System.Collections.Concurrent;
using ConfigResolver.Storage;

namespace ConfigResolver.Hosting;

/// <summary>
/// Maps a user's email to their id for hosts that identify users by email (the HTTP API, claims that hold an email).
/// One store read per unknown email; answers are cached until any user change or reset arrives on the change feed,
/// and the cache is bounded (cleared when it reaches <see cref="Capacity"/> entries).
/// </summary>
internal sealed class UserDirectory(ConfigResolverRuntime runtime)
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Guid> _ids = new(StringComparer.OrdinalIgnoreCase);
    private IDisposable? _subscription;
    private ITenantStore? _subscribedTo;

    public async ValueTask<Guid?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var store = runtime.Store;
        EnsureSubscribed(store);
        if (_ids.TryGetValue(email, out var id))
        {
            return id;
        }

        var user = await store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return null;
        }

        if (_ids.Count >= Capacity)
        {
            _ids.Clear();
        }

        _ids[email] = user.Id;
        return user.Id;
    }

    private void EnsureSubscribed(ITenantStore store)
    {
        if (ReferenceEquals(Volatile.Read(ref _subscribedTo), store))
        {
            return;
        }

        lock (_ids)
        {
            if (ReferenceEquals(_subscribedTo, store))
            {
                return;
            }

            _subscription?.Dispose();
            _ids.Clear();
            _subscription = store.Subscribe(change =>
            {
                if (change.UserId is not null || change.Kind == TenantChangeKind.Reset)
                {
                    _ids.Clear();
                }
            });
            Volatile.Write(ref _subscribedTo, store);
        }
    }
}
