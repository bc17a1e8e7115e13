using ConfigResolver.Shared;
using ConfigResolver.Storage;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// Turns a <see cref="SqliteException"/> into a <see cref="TenantStoreException"/> that keeps the SQLite error code,
/// names the operation and the organization, and says whether a retry may help.
/// </summary>
internal static class SqliteErrors
{
    // Primary result codes (https://www.sqlite.org/rescode.html).
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoError = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Constraint = 19;
    public const int NotADatabase = 26;

    /// <summary>Wraps a provider exception.</summary>
    /// <param name="exception">The SQLite failure.</param>
    /// <param name="operation">The store operation, for example <c>CreateOrganization</c>.</param>
    /// <param name="organization">The slug concerned, if any.</param>
    /// <param name="path">The database file, for the message.</param>
    /// <returns>The exception to throw.</returns>
    public static TenantStoreException Wrap(SqliteException exception, string operation, string? organization, string path)
    {
        var code = exception.SqliteErrorCode;
        var transient = code is Busy or Locked;
        var reason = code switch
        {
            Busy or Locked => $"the database '{path}' is locked by another connection and the busy timeout expired",
            ReadOnly => DatabaseLocation.ReadOnlyCause(path),
            Corrupt or NotADatabase => $"'{path}' is not a SQLite database or is corrupt",
            CantOpen when !FileKinds.IsWritable(Path.GetDirectoryName(path) ?? path) => DatabaseLocation.ReadOnlyCause(path),
            CantOpen => $"the database file '{path}' cannot be opened (check that its folder exists and is writable)",
            Full => $"the disk holding '{path}' is full; nothing was changed",
            IoError => $"a disk I/O error occurred on '{path}'",
            _ => $"SQLite error {code} on '{path}': {Describe(exception)}",
        };
        return new TenantStoreException(operation, organization, code.ToString(System.Globalization.CultureInfo.InvariantCulture), transient, reason, exception);
    }

    /// <summary>The message SQLite gave, without the provider's "SQLite Error N:" prefix and quotes.</summary>
    private static string Describe(SqliteException exception)
    {
        var message = exception.Message;
        var colon = message.IndexOf(": '", StringComparison.Ordinal);
        return colon >= 0 && message.EndsWith("'.", StringComparison.Ordinal)
            ? message[(colon + 3)..^2]
            : message.TrimEnd('.');
    }
}
