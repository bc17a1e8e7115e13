using ConfigResolver.Storage;

namespace ConfigResolver.Testing;

/// <summary>
/// Forwards to another store but owns its change feed: while <see cref="Muted"/>, the inner store's changes are dropped
/// (as if this instance missed them), and a test can publish any change itself, such as a reset.
/// </summary>
public sealed class MutableFeedStore : DelegatingTenantStore, IDisposable
{
    private readonly TenantChangeBroadcaster _feed = new();
    private readonly IDisposable _forwarding;

    public MutableFeedStore(ITenantStore inner)
        : base(inner)
    {
        _forwarding = inner.Subscribe(change =>
        {
            if (!Muted)
            {
                _feed.Publish(change);
            }
        });
    }

    public bool Muted { get; set; }

    public override IDisposable Subscribe(Action<TenantChange> onChange) => _feed.Subscribe(onChange);

    public void Publish(TenantChange change) => _feed.Publish(change);

    public void Dispose() => _forwarding.Dispose();
}
