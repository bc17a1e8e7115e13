namespace ConfigResolver.Hosting;

/// <summary>Which store a host opens (<c>ConfigResolver:Store:Provider</c>).</summary>
public enum StoreProvider
{
    /// <summary>An in-memory store: tests, demos, a process that seeds itself. Nothing is shared or kept.</summary>
    InMemory,

    /// <summary>A SQLite file (the embedded default); <c>ConnectionString</c> is its path.</summary>
    Sqlite,

    /// <summary>PostgreSQL; <c>ConnectionString</c> is a <c>postgres://</c> URL or an Npgsql keyword string.</summary>
    Postgres,

    /// <summary>A LiteDB file, opened shared; <c>ConnectionString</c> is its path.</summary>
    LiteDb,
}
