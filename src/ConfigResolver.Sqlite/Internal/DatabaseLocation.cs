using ConfigResolver.Shared;
using ConfigResolver.Storage;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// Checks a database path before SQLite touches it: SQLite would open a device or a FIFO (and create
/// <c>/dev/null-journal</c> beside it), block on a FIFO, or report a read-only folder as a read-only file. Each cause is
/// named: a directory, a device, a FIFO, a socket, a missing folder, a read-only folder, a read-only file.
/// </summary>
internal static class DatabaseLocation
{
    /// <summary>The problem with <paramref name="fullPath"/>, or null when SQLite may open it.</summary>
    public static TenantStoreException? Check(string fullPath)
    {
        var kind = FileKinds.Of(fullPath);
        var folder = Path.GetDirectoryName(fullPath) ?? fullPath;
        switch (kind)
        {
            case FileKind.Directory:
                return Refuse($"'{fullPath}' is a directory, not a database file; name a file inside it instead");
            case FileKind.Missing:
                return FileKinds.Of(folder) switch
                {
                    FileKind.Missing => Refuse($"the folder '{folder}' does not exist, so the database '{fullPath}' cannot be created; create the folder first"),
                    not FileKind.Directory => Refuse($"'{folder}' is not a folder, so the database '{fullPath}' cannot be created there"),
                    _ when !FileKinds.IsWritable(folder) => Refuse($"the folder '{folder}' is read-only, so the database '{fullPath}' cannot be created there"),
                    _ => null,
                };
            case not FileKind.Regular:
                return Refuse($"'{fullPath}' is {FileKinds.Describe(kind)}, not a database file; it was not opened");
        }

        // An existing read-only file (or folder) may still answer reads; SqliteErrors names the cause when a write fails.
        return null;
    }

    /// <summary>Why SQLite found the database read-only or could not open it: the file, or the folder that must hold its journal files.</summary>
    public static string ReadOnlyCause(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath) ?? fullPath;
        if (FileKinds.Of(fullPath) == FileKind.Regular && !FileKinds.IsWritable(fullPath))
        {
            return $"the database file '{fullPath}' is read-only (check the file's permissions); nothing was changed";
        }

        return FileKinds.IsWritable(folder)
            ? $"the database '{fullPath}' is read-only; nothing was changed"
            : $"the folder '{folder}' holding the database is read-only: SQLite must create its journal files ('{Path.GetFileName(fullPath)}-wal', '-shm') there (check the folder's permissions); nothing was changed";
    }

    private static TenantStoreException Refuse(string reason) => TenantStoreException.UnusableLocation("Open", reason);
}
