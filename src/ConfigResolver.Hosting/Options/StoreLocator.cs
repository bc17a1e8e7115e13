namespace ConfigResolver.Hosting;

/// <summary>Turns the store settings into the one locator string <c>TenantStoreLocator</c> opens.</summary>
internal static class StoreLocator
{
    public static string For(StoreSettings store) => store.Provider switch
    {
        StoreProvider.Sqlite => "sqlite:" + store.ConnectionString,
        StoreProvider.LiteDb => "litedb:" + store.ConnectionString,
        _ => store.ConnectionString ?? string.Empty,
    };
}
