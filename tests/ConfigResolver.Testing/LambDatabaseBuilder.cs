using Microsoft.Data.Sqlite;

namespace ConfigResolver.Testing;

/// <summary>
/// Writes a small LAMB SQLite database with exactly the tables an import reads: <c>LAMB_organizations(id, slug, name,
/// is_system, status, config, created_at, updated_at)</c>, <c>Creator_users(id, user_email, user_name, organization_id,
/// created_at)</c> and <c>organization_roles(organization_id, user_id, role)</c>. No LAMB code is needed. Emails are
/// not constrained, so tests can hold the rows a real database may hold (no email; the same email in another case, which
/// LAMB's case-sensitive UNIQUE lets through).
/// </summary>
public sealed class LambDatabaseBuilder
{
    private readonly List<(long Id, string Slug, string Name, bool IsSystem, string Status, string? Config)> _organizations = [];
    private readonly List<(long Id, string? Email, string? Name, long? Organization)> _users = [];
    private readonly List<(long Organization, long User, string Role)> _roles = [];

    /// <summary>Adds an organization row.</summary>
    public LambDatabaseBuilder Organization(long id, string slug, string? config, bool isSystem = false, string status = "active", string? name = null)
    {
        _organizations.Add((id, slug, name ?? slug, isSystem, status, config));
        return this;
    }

    /// <summary>Adds a user row.</summary>
    public LambDatabaseBuilder User(long id, string? email, long? organization, string? name = "User")
    {
        _users.Add((id, email, name, organization));
        return this;
    }

    /// <summary>Adds a role row.</summary>
    public LambDatabaseBuilder Role(long organization, long user, string role)
    {
        _roles.Add((organization, user, role));
        return this;
    }

    /// <summary>Writes the database to <paramref name="path"/> (which must not exist yet).</summary>
    public string Write(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            CREATE TABLE LAMB_organizations (id INTEGER PRIMARY KEY, slug TEXT NOT NULL, name TEXT NOT NULL, is_system BOOLEAN DEFAULT FALSE,
                status TEXT DEFAULT 'active', config JSON, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
            CREATE TABLE Creator_users (id INTEGER PRIMARY KEY, organization_id INTEGER, user_email TEXT, user_name TEXT, user_config JSON, created_at INTEGER);
            CREATE TABLE organization_roles (id INTEGER PRIMARY KEY, organization_id INTEGER NOT NULL, user_id INTEGER NOT NULL, role TEXT NOT NULL,
                created_at INTEGER, updated_at INTEGER, UNIQUE (organization_id, user_id));
            """);
        foreach (var (id, slug, name, isSystem, status, config) in _organizations)
        {
            Execute(connection, "INSERT INTO LAMB_organizations VALUES ($id, $slug, $name, $system, $status, $config, 1700000000, 1700000000)",
                ("$id", id), ("$slug", slug), ("$name", name), ("$system", isSystem ? 1 : 0), ("$status", status), ("$config", config));
        }

        foreach (var (id, email, name, organization) in _users)
        {
            Execute(connection, "INSERT INTO Creator_users (id, organization_id, user_email, user_name, created_at) VALUES ($id, $org, $email, $name, 1700000000)",
                ("$id", id), ("$org", organization), ("$email", email), ("$name", name));
        }

        foreach (var (organization, user, role) in _roles)
        {
            Execute(connection, "INSERT INTO organization_roles (organization_id, user_id, role) VALUES ($org, $user, $role)", ("$org", organization), ("$user", user), ("$role", role));
        }

        return path;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
