using System.Globalization;
using ConfigResolver.Storage;
using LiteDB;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>Turns LiteDB and file failures into <see cref="TenantStoreException"/>, keeping LiteDB's error code.</summary>
internal static class LiteErrors
{
    public static bool IsProviderFailure(Exception exception) =>
        exception is LiteException or IOException or UnauthorizedAccessException;

    public static TenantStoreException Wrap(Exception exception, string operation, string? organization, string path)
    {
        var code = (exception as LiteException)?.ErrorCode;
        var transient = code == LiteException.LOCK_TIMEOUT || exception is IOException and not FileNotFoundException and not DirectoryNotFoundException;
        var reason = exception switch
        {
            LiteException { ErrorCode: LiteException.LOCK_TIMEOUT } => $"the LiteDB file '{path}' is locked by another process and the wait timed out",
            LiteException { ErrorCode: LiteException.INVALID_DATABASE } => $"'{path}' is not a LiteDB database or is corrupt",
            UnauthorizedAccessException => $"the LiteDB file '{path}' cannot be written (check the file's permissions); nothing was changed",
            DirectoryNotFoundException => $"the LiteDB file '{path}' cannot be opened (check that its folder exists)",
            IOException => $"the LiteDB file '{path}' could not be used: {exception.Message.TrimEnd('.')}",
            _ => $"LiteDB error {code} on '{path}': {exception.Message.TrimEnd('.')}",
        };
        return new TenantStoreException(operation, organization, code?.ToString(CultureInfo.InvariantCulture), transient, reason, exception);
    }
}
