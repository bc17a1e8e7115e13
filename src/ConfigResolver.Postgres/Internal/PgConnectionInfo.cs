using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>Names a server in messages as <c>'user@host:port/database'</c>; the password is never part of it.</summary>
internal static class PgConnectionInfo
{
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        var database = string.IsNullOrEmpty(builder.Database) ? builder.Username : builder.Database;
        return $"'{user}{builder.Host}:{builder.Port}/{database}'";
    }
}
