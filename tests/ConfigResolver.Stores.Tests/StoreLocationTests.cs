using ConfigResolver.Diagnostics;
using Npgsql;

namespace ConfigResolver.Stores.Tests;

public sealed class StoreLocationTests
{
    private const string Base = "/work/here";

    public static TheoryData<string, StoreKind, string, string> Locators => new()
    {
        // locator, kind, target (path, or "Host Port Username Database" for PostgreSQL), display
        { "tenancy.db", StoreKind.Sqlite, "/work/here/tenancy.db", "tenancy.db" },
        { "/var/lib/cfgr/t.db", StoreKind.Sqlite, "/var/lib/cfgr/t.db", "/var/lib/cfgr/t.db" },
        { "sqlite:./data/t.db", StoreKind.Sqlite, "/work/here/data/t.db", "sqlite:./data/t.db" },
        { "litedb:tenancy.litedb", StoreKind.LiteDb, "/work/here/tenancy.litedb", "litedb:tenancy.litedb" },
        { "LiteDB:/tmp/x.litedb", StoreKind.LiteDb, "/tmp/x.litedb", "LiteDB:/tmp/x.litedb" },
        { "postgres://app:pw@db.example:6543/cfgr", StoreKind.Postgres, "db.example 6543 app cfgr", "postgres://app@db.example:6543/cfgr" },
        { "postgresql://app@db.example/cfgr", StoreKind.Postgres, "db.example 5432 app cfgr", "postgres://app@db.example:5432/cfgr" },
        { "postgres://a%40b:p%3Aw@db.example/my%20db", StoreKind.Postgres, "db.example 5432 a@b my db", "postgres://a%40b@db.example:5432/my%20db" },
        { "Host=db.example;Username=app;Password=pw;Database=cfgr", StoreKind.Postgres, "db.example 5432 app cfgr", "postgres://app@db.example:5432/cfgr" },
        { "server=db.example;port=7000;user id=app;database=cfgr", StoreKind.Postgres, "db.example 7000 app cfgr", "postgres://app@db.example:7000/cfgr" },
    };

    [Theory]
    [MemberData(nameof(Locators))]
    public void Each_form_names_its_store_and_shows_it_without_a_password(string locator, StoreKind kind, string target, string display)
    {
        var location = StoreLocation.Parse(locator, Base);

        Assert.Equal((kind, display), (location.Kind, location.Display));
        if (kind == StoreKind.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(location.Target);
            Assert.Equal(target, $"{builder.Host} {builder.Port} {builder.Username} {builder.Database}");
        }
        else
        {
            Assert.Equal(target, location.Target);
        }

        Assert.DoesNotContain("pw", location.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_password_is_decoded_into_the_connection_string() =>
        Assert.Equal("p:w", new NpgsqlConnectionStringBuilder(StoreLocation.Parse("postgres://a:p%3Aw@h/d").Target).Password);

    [Theory]
    [InlineData("", "an empty store locator")]
    [InlineData("postgres://app:hunter2@/cfgr", "a postgres:// locator that is not a valid URL")]
    [InlineData("postgres://app:hunter2@h/cfgr?bogus=1", "the unknown or invalid connection option 'bogus'")]
    [InlineData("Host=h;Pasword=hunter2", "a malformed Npgsql connection string")]
    [InlineData("litedb:", "'litedb:' names no file")]
    public void A_malformed_locator_is_STO3003_and_never_repeats_the_password(string locator, string found)
    {
        var failure = Assert.Throws<InvalidStoreLocatorException>(() => StoreLocation.Parse(locator, Base));

        var diagnostic = Assert.Single(failure.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidStoreLocator, "store"), (diagnostic.Code, diagnostic.Where));
        Assert.StartsWith(found, diagnostic.Actual, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }
}
