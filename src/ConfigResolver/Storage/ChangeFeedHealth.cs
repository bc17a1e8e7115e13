namespace ConfigResolver.Storage;

/// <summary>
/// Whether a store is following the changes other processes or instances write (a PostgreSQL listener connected, a
/// file poll succeeding), and since when. While it is down, reads keep working but caches may miss remote writes; the
/// store catches up from the change log as soon as it is back up.
/// </summary>
/// <param name="IsUp">Whether remote changes are being received.</param>
/// <param name="Since">When the state last changed (from the store's clock).</param>
/// <param name="LastError">Why it is down, without secrets; null when up.</param>
public sealed record ChangeFeedHealth(bool IsUp, DateTimeOffset Since, string? LastError)
{
    /// <inheritdoc/>
    public override string ToString() =>
        IsUp ? $"up since {Since:O}" : $"down since {Since:O}: {LastError}";
}
