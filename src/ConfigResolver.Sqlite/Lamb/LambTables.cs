using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ConfigResolver.Import;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite;

/// <summary>Finds LAMB's tables (with or without the <c>LAMB_</c> prefix), checks their columns and row counts, and reads the rows.</summary>
internal sealed class LambTables(SqliteConnection connection, string file)
{
    public ImmutableArray<LambOrganizationRow> ReadOrganizations(int maxDocumentBytes, CancellationToken cancellationToken)
    {
        var table = Find(["LAMB_organizations"], ["id", "slug", "name", "is_system", "status", "config"], LambImportLimits.MaxOrganizations);
        var rows = ImmutableArray.CreateBuilder<LambOrganizationRow>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, slug, name, is_system, status,
                   CASE WHEN length(CAST(config AS BLOB)) > $max THEN NULL ELSE config END,
                   coalesce(length(CAST(config AS BLOB)), 0)
            FROM "{table}" ORDER BY id
            """;
        command.Parameters.AddWithValue("$max", maxDocumentBytes);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Integer(reader.GetValue(0)) ?? throw LambDatabase.NotLamb(file, $"'{table}' has a row whose id is not an integer");
            rows.Add(new LambOrganizationRow(id, Text(reader.GetValue(1)), Text(reader.GetValue(2)), Flag(reader.GetValue(3)), Text(reader.GetValue(4)), Document(reader.GetValue(5), table, id), reader.GetInt64(6)));
        }

        return rows.ToImmutable();
    }

    public ImmutableArray<LambUserRow> ReadUsers(CancellationToken cancellationToken)
    {
        var table = Find(["Creator_users", "LAMB_Creator_users"], ["id", "user_email", "user_name", "organization_id"], LambImportLimits.MaxUsers);
        var rows = ImmutableArray.CreateBuilder<LambUserRow>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT id, user_email, user_name, organization_id FROM "{table}" ORDER BY id""";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Integer(reader.GetValue(0)) ?? throw LambDatabase.NotLamb(file, $"'{table}' has a row whose id is not an integer");
            rows.Add(new LambUserRow(id, Text(reader.GetValue(1)), Text(reader.GetValue(2)), Integer(reader.GetValue(3))));
        }

        return rows.ToImmutable();
    }

    public ImmutableArray<LambRoleRow> ReadRoles(CancellationToken cancellationToken)
    {
        var table = Find(["organization_roles", "LAMB_organization_roles"], ["organization_id", "user_id", "role"], LambImportLimits.MaxRoles);
        var rows = ImmutableArray.CreateBuilder<LambRoleRow>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT organization_id, user_id, role FROM "{table}" ORDER BY organization_id, user_id""";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Integer(reader.GetValue(0)) is { } organization && Integer(reader.GetValue(1)) is { } user)
            {
                rows.Add(new LambRoleRow(organization, user, Text(reader.GetValue(2))));
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>The first of <paramref name="names"/> that exists, after checking its columns and its row count.</summary>
    private string Find(string[] names, string[] columns, int maxRows)
    {
        foreach (var name in names)
        {
            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM pragma_table_info($table)";
                command.Parameters.AddWithValue("$table", name);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    present.Add(reader.GetString(0));
                }
            }

            if (present.Count == 0)
            {
                continue;
            }

            if (columns.FirstOrDefault(c => !present.Contains(c)) is { } missing)
            {
                throw LambDatabase.NotLamb(file, $"table '{name}' has no column '{missing}'");
            }

            using (var count = connection.CreateCommand())
            {
                count.CommandText = $"""SELECT count(*) FROM "{name}" """;
                var rows = (long)count.ExecuteScalar()!;
                if (rows > maxRows)
                {
                    throw LambDatabase.TooMany(file, name, rows, maxRows);
                }
            }

            return name;
        }

        throw LambDatabase.NotLamb(file, $"it has no table '{names[0]}'");
    }

    private string? Document(object value, string table, long id) => value switch
    {
        string text => text,
        byte[] bytes => DecodeStrict(bytes) ?? throw LambDatabase.NotLamb(file, $"the config of '{table}' row {id} is not UTF-8 text"),
        DBNull => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string? DecodeStrict(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Text(object value) => value switch
    {
        DBNull => null,
        string text => text,
        byte[] bytes => DecodeStrict(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static long? Integer(object value) => value switch
    {
        long number => number,
        double number when number == Math.Floor(number) && Math.Abs(number) < 9e15 => (long)number,
        string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static bool Flag(object value) => value switch
    {
        long number => number != 0,
        double number => number != 0,
        string text => text.Trim().ToLowerInvariant() is "1" or "true" or "yes",
        _ => false,
    };
}
