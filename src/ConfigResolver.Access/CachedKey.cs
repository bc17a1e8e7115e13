using ConfigResolver.Authorization;

namespace ConfigResolver.Access;

/// <summary>
/// A key the authenticator has verified: the principal it acts as and the secrets already proven to match its hashes (the
/// current one and, during a rotation's grace period, the previous one), compared in constant time on every later use.
/// </summary>
internal sealed class CachedKey(ApiKey key, Principal principal)
{
    private string? _current;
    private string? _previous;
    private long _lastUsedTicks;
    private long _flushedTicks;

    public ApiKey Key { get; } = key;

    public Principal Principal { get; } = principal;

    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    public long FlushedTicks => Volatile.Read(ref _flushedTicks);

    /// <summary>Remembers a secret proven against the current (or, when <paramref name="previous"/>, the previous) hash.</summary>
    public void Verified(string secret, bool previous)
    {
        if (previous)
        {
            Volatile.Write(ref _previous, secret);
        }
        else
        {
            Volatile.Write(ref _current, secret);
        }
    }

    /// <summary>Whether a presented secret is one already verified and the key is still usable at <paramref name="now"/>.</summary>
    public bool Accepts(ReadOnlySpan<char> secret, DateTimeOffset now)
    {
        if (Key.ExpiresAt is { } expires && now >= expires)
        {
            return false;
        }

        if (Same(secret, Volatile.Read(ref _current)))
        {
            return true;
        }

        return Key.PreviousSecretValidUntil is { } until && now < until && Same(secret, Volatile.Read(ref _previous));
    }

    /// <summary>Records a use; the flush writes the latest one. Racing writers may keep either time, both recent.</summary>
    public void Touch(long utcTicks)
    {
        if (utcTicks > Volatile.Read(ref _lastUsedTicks))
        {
            Volatile.Write(ref _lastUsedTicks, utcTicks);
        }
    }

    public void MarkFlushed(long utcTicks)
    {
        if (utcTicks > Volatile.Read(ref _flushedTicks))
        {
            Volatile.Write(ref _flushedTicks, utcTicks);
        }
    }

    private static bool Same(ReadOnlySpan<char> presented, string? verified) =>
        verified is not null && ConstantTime.Equals(presented, verified);
}
