using ConfigResolver.Diagnostics;
using ConfigResolver.Import;
using ConfigResolver.IO;
using ConfigResolver.Shared;
using ConfigResolver.Validation;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite;

/// <summary>
/// Reads the rows an import needs from a LAMB SQLite database: <c>LAMB_organizations(id, slug, name, is_system, status,
/// config, ...)</c>, <c>Creator_users(id, user_email, user_name, organization_id, ...)</c> and
/// <c>organization_roles(organization_id, user_id, role)</c> (also found with LAMB's <c>LAMB_</c> table prefix).
/// </summary>
/// <remarks>
/// The file is opened read-only and never changed. Only a regular file is opened; each table's row count is checked
/// against <see cref="LambImportLimits"/> before it is read, and a document larger than
/// <see cref="DocumentLimits.MaxDocumentBytes"/> is not read (its size is reported instead).
/// </remarks>
public static class LambDatabase
{
    /// <summary>Reads a LAMB database.</summary>
    /// <param name="path">The LAMB SQLite file.</param>
    /// <param name="displayName">How messages name the file (as the user typed it); <paramref name="path"/> when null.</param>
    /// <param name="documentLimits">The bounds documents are read within; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels between rows.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="InputFileException">
    /// The file is missing or not a regular file (<c>INP4001</c>–<c>INP4003</c>), is not a LAMB database (<c>IMP5001</c>:
    /// not SQLite, a table or column missing), or a table holds more rows than the import reads (<c>IMP5006</c>).
    /// </exception>
    public static LambExport Read(string path, string? displayName = null, DocumentLimits? documentLimits = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var shown = displayName ?? path;
        CheckFile(path, shown);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var tables = new LambTables(connection, shown);
            var organizations = tables.ReadOrganizations((documentLimits ?? DocumentLimits.Default).MaxDocumentBytes, cancellationToken);
            var users = tables.ReadUsers(cancellationToken);
            var roles = tables.ReadRoles(cancellationToken);
            return new LambExport(organizations, users, roles);
        }
        catch (SqliteException e)
        {
            throw NotLamb(shown, e.SqliteErrorCode == 26 ? "it is not an SQLite database" : $"SQLite could not read it ({e.SqliteErrorCode}: {e.Message.TrimEnd('.')})");
        }
    }

    internal static InputFileException NotLamb(string file, string why) =>
        new(new Diagnostic(DiagnosticCodes.NotALambDatabase, $"not a LAMB database: {why}.") { File = file, Expected = "a LAMB SQLite database", Actual = why });

    internal static InputFileException TooMany(string file, string table, long count, int max) =>
        new(new Diagnostic(DiagnosticCodes.LambTooManyRows, $"table '{table}' has {count:N0} rows; the import reads at most {max:N0}.") { File = file, Expected = $"at most {max:N0} rows", Actual = $"{count:N0} rows" });

    private static void CheckFile(string path, string shown)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Regular)
        {
            return;
        }

        var code = kind switch
        {
            FileKind.Missing => DiagnosticCodes.FileNotFound,
            FileKind.Directory => DiagnosticCodes.NotAFile,
            _ => DiagnosticCodes.NotARegularFile,
        };
        var found = kind == FileKind.Missing ? "it does not exist" : $"it is {FileKinds.Describe(kind)}";
        throw new InputFileException(new Diagnostic(code, $"cannot read the LAMB database file: {found}.") { File = shown, Expected = "a readable regular file", Actual = found });
    }
}
