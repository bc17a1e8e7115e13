using System.Net.Sockets;
using ConfigResolver.Storage;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>
/// Turns Npgsql failures into <see cref="TenantStoreException"/>: keeps the SQLSTATE, names the operation, the
/// organization and the server (never the password), and says whether a retry may help.
/// </summary>
internal static class PgErrors
{
    /// <summary>Wraps a provider exception.</summary>
    /// <param name="exception">The failure (<see cref="NpgsqlException"/>, or a timeout or socket error under it).</param>
    /// <param name="operation">The store operation, for example <c>CreateOrganization</c>.</param>
    /// <param name="organization">The slug concerned, if any.</param>
    /// <param name="server">Where the store is, without credentials (<see cref="PgConnectionInfo.Describe"/>).</param>
    /// <returns>The exception to throw.</returns>
    public static TenantStoreException Wrap(Exception exception, string operation, string? organization, string server)
    {
        var sqlState = (exception as PostgresException)?.SqlState;
        var transient = exception is NpgsqlException { IsTransient: true } || exception is TimeoutException || sqlState is "40001" or "40P01" or "55P03" or "57P01" or "57P03" or "53300";
        var reason = sqlState switch
        {
            "28P01" or "28000" => $"the PostgreSQL server {server} refused the credentials (check the user name and password)",
            "3D000" => $"the database of {server} does not exist (create it first, for example with createdb)",
            "42501" => $"the PostgreSQL user of {server} lacks a permission this operation needs: {Describe(exception)}",
            "57P01" or "57P03" => $"the PostgreSQL server {server} is shutting down or starting up; nothing was changed",
            "25006" => $"the PostgreSQL server {server} is read-only (a standby?); nothing was changed",
            not null => $"PostgreSQL error {sqlState} on {server}: {Describe(exception)}",
            null when Unwrap<SocketException>(exception) is { } socket => $"cannot reach the PostgreSQL server {server} ({socket.SocketErrorCode}); nothing was changed",
            null when exception is TimeoutException || Unwrap<TimeoutException>(exception) is not null => $"the PostgreSQL server {server} did not answer in time",
            null => $"the connection to the PostgreSQL server {server} failed: {Describe(exception)}",
        };
        return new TenantStoreException(operation, organization, sqlState, transient, reason, exception);
    }

    /// <summary>Whether the exception is a failure of the server or the connection, as opposed to a bug.</summary>
    public static bool IsProviderFailure(Exception exception) =>
        exception is NpgsqlException or TimeoutException || (exception is InvalidOperationException && Unwrap<NpgsqlException>(exception) is not null);

    private static string Describe(Exception exception)
    {
        var message = exception is PostgresException postgres ? postgres.MessageText : exception.Message;
        return message.TrimEnd('.');
    }

    private static T? Unwrap<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
