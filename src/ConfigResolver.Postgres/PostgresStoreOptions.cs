namespace ConfigResolver.Postgres;

/// <summary>PostgreSQL-specific settings of <see cref="PostgresTenantStore"/>; everything else comes from <see cref="ResolverOptions"/>.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>The <c>NOTIFY</c> channel used unless <see cref="Channel"/> is set.</summary>
    public const string DefaultChannel = "configresolver_changes";

    /// <summary>
    /// Gets or sets the channel writes notify and the listener listens on. Instances sharing a database must use the
    /// same one. Default <c>configresolver_changes</c>.
    /// </summary>
    public string Channel { get; set; } = DefaultChannel;

    /// <summary>
    /// Gets or sets whether the store follows other instances' writes with a listening connection. Default true; when
    /// false the store publishes other instances' rows only before its own next write.
    /// </summary>
    public bool ListenForChanges { get; set; } = true;

    /// <summary>Gets or sets the first wait before the listener reconnects; each failed attempt doubles it. Default 100 ms.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest wait between reconnect attempts. Default 5 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
