using System.Globalization;
using ConfigResolver.Diagnostics;
using Npgsql;

namespace ConfigResolver.Stores;

/// <summary>
/// A parsed store locator: which store, what to open (a full path or an Npgsql connection string) and how to show it
/// (<see cref="Display"/>, never with a password).
/// </summary>
/// <remarks>
/// Forms, first match wins: <c>postgres://user:password@host:port/database?key=value</c> (or <c>postgresql://</c>);
/// an Npgsql keyword string (it contains <c>Host=</c> or <c>Server=</c>, any case); <c>litedb:PATH</c>;
/// <c>sqlite:PATH</c>; anything else is a SQLite path. Relative paths start from the base directory given to <see cref="Parse"/>.
/// </remarks>
public sealed record StoreLocation
{
    private StoreLocation(StoreKind kind, string target, string display)
    {
        Kind = kind;
        Target = target;
        Display = display;
    }

    /// <summary>Gets which store the locator names.</summary>
    public StoreKind Kind { get; }

    /// <summary>Gets what to open: the full path of a file store, or the Npgsql connection string (it holds the password).</summary>
    public string Target { get; }

    /// <summary>Gets the locator as messages show it: a path as given, or <c>postgres://user@host:port/database</c> without the password.</summary>
    public string Display { get; }

    /// <summary>Parses a locator.</summary>
    /// <param name="locator">The locator.</param>
    /// <param name="baseDirectory">Where relative paths start; the current directory when null.</param>
    /// <returns>The location.</returns>
    /// <exception cref="InvalidStoreLocatorException">The locator is empty or malformed; the message never repeats a password.</exception>
    public static StoreLocation Parse(string locator, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var text = locator.Trim();
        if (text.Length == 0)
        {
            throw Invalid("an empty store locator", "a SQLite path, postgres://user:password@host:port/database, an Npgsql keyword string or litedb:PATH");
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(text);
        }

        if (text.Contains("host=", StringComparison.OrdinalIgnoreCase) || text.Contains("server=", StringComparison.OrdinalIgnoreCase))
        {
            return FromKeywords(text);
        }

        if (text.StartsWith("litedb:", StringComparison.OrdinalIgnoreCase))
        {
            return FromPath(StoreKind.LiteDb, text["litedb:".Length..], text, baseDirectory);
        }

        return text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)
            ? FromPath(StoreKind.Sqlite, text["sqlite:".Length..], text, baseDirectory)
            : FromPath(StoreKind.Sqlite, text, locator, baseDirectory);
    }

    /// <inheritdoc/>
    public override string ToString() => Display;

    private static StoreLocation FromPath(StoreKind kind, string path, string display, string? baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Invalid($"'{display}' names no file", "a path after the colon, for example litedb:./tenancy.litedb");
        }

        return new StoreLocation(kind, Path.GetFullPath(path, baseDirectory ?? Directory.GetCurrentDirectory()), display);
    }

    private static StoreLocation FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid("a postgres:// locator that is not a valid URL", "postgres://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (Uri.UnescapeDataString(pair), string.Empty);
            try
            {
                builder[key] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw Invalid($"the unknown or invalid connection option '{key}'", "options Npgsql knows, for example sslmode=require");
            }
        }

        return new StoreLocation(StoreKind.Postgres, builder.ConnectionString, DisplayOf(builder));
    }

    private static StoreLocation FromKeywords(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            return new StoreLocation(StoreKind.Postgres, builder.ConnectionString, DisplayOf(builder));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql quotes the offending keyword and sometimes its value; only the part before the quote is repeated.
            var reason = e.Message.Split('\'')[0].TrimEnd(' ', ':', '.');
            throw Invalid($"a malformed Npgsql connection string ({reason})", "Host=...;Username=...;Password=...;Database=...");
        }
    }

    private static string DisplayOf(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : Uri.EscapeDataString(builder.Username) + "@";
        var database = string.IsNullOrEmpty(builder.Database) ? string.Empty : "/" + Uri.EscapeDataString(builder.Database);
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{builder.Host}:{builder.Port}{database}");
    }

    private static InvalidStoreLocatorException Invalid(string found, string expected) =>
        new(new Diagnostic(DiagnosticCodes.InvalidStoreLocator, $"expected {expected}; found {found}.") { Where = "store", Expected = expected, Actual = found });
}
