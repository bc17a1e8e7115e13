namespace ConfigResolver.Stores;

/// <summary>Which store a locator names.</summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file (a plain path, or <c>sqlite:PATH</c>).</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL database (<c>postgres://...</c>, <c>postgresql://...</c> or an Npgsql keyword string).</summary>
    Postgres = 1,

    /// <summary>An embedded LiteDB file (<c>litedb:PATH</c>), opened shared so several processes can use it.</summary>
    LiteDb = 2,
}
