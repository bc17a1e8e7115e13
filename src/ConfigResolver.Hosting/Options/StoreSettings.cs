namespace ConfigResolver.Hosting;

/// <summary>The store section (<c>ConfigResolver:Store</c>).</summary>
public sealed class StoreSettings
{
    /// <summary>Gets or sets the kind of store; <see cref="StoreProvider.Sqlite"/> by default.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// Gets or sets the file path (SQLite, LiteDB; relative paths start from the content root's working directory) or
    /// the PostgreSQL connection (<c>postgres://user:password@host:port/db</c> or <c>Host=...;Database=...</c>).
    /// Required except for <see cref="StoreProvider.InMemory"/>. Never logged or shown with its password.
    /// </summary>
    public string? ConnectionString { get; set; }
}
