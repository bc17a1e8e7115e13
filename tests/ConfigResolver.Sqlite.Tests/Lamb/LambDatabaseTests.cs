using ConfigResolver.Diagnostics;
using ConfigResolver.Import;
using ConfigResolver.IO;
using ConfigResolver.Testing;
using ConfigResolver.Validation;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Tests.Lamb;

/// <summary>Reading LAMB's three tables from a LAMB SQLite file, and refusing files that are not one.</summary>
public sealed class LambDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-lamb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_three_tables_are_read_as_lamb_wrote_them()
    {
        var path = new LambDatabaseBuilder()
            .Organization(1, "lamb", """{"version":"1.0"}""", isSystem: true, name: "LAMB")
            .Organization(2, "engineering", null, status: "suspended")
            .User(1, "admin@lamb.edu", 1, "Admin")
            .User(2, null, 2, null)
            .Role(1, 1, "admin")
            .Write(Path.Combine(_folder, "lamb.db"));

        var export = LambDatabase.Read(path);

        Assert.Equal(
            [new LambOrganizationRow(1, "lamb", "LAMB", true, "active", """{"version":"1.0"}""", 17), new LambOrganizationRow(2, "engineering", "engineering", false, "suspended", null, 0)],
            export.Organizations.ToArray());
        Assert.Equal([new LambUserRow(1, "admin@lamb.edu", "Admin", 1), new LambUserRow(2, null, null, 2)], export.Users.ToArray());
        Assert.Equal([new LambRoleRow(1, 1, "admin")], export.Roles.ToArray());
    }

    [Fact]
    public void Lambs_table_prefix_is_found_too()
    {
        var path = Path.Combine(_folder, "prefixed.db");
        Sql(path, """
            CREATE TABLE LAMB_organizations (id INTEGER, slug TEXT, name TEXT, is_system INTEGER, status TEXT, config TEXT, created_at INTEGER, updated_at INTEGER);
            CREATE TABLE LAMB_Creator_users (id INTEGER, user_email TEXT, user_name TEXT, organization_id INTEGER);
            CREATE TABLE LAMB_organization_roles (organization_id INTEGER, user_id INTEGER, role TEXT);
            INSERT INTO LAMB_Creator_users VALUES (5, 'x@y.edu', 'X', NULL);
            """);

        var export = LambDatabase.Read(path);

        Assert.Equal(new LambUserRow(5, "x@y.edu", "X", null), Assert.Single(export.Users));
    }

    [Fact]
    public void A_document_larger_than_the_limit_is_not_read_and_its_size_is_kept()
    {
        var big = "{\"version\":\"1.0\",\"metadata\":{\"description\":\"" + new string('x', 3000) + "\"}}";
        var path = new LambDatabaseBuilder().Organization(1, "big", big).Write(Path.Combine(_folder, "big.db"));

        var row = Assert.Single(LambDatabase.Read(path, documentLimits: new DocumentLimits { MaxDocumentBytes = 1024 }).Organizations);

        Assert.Equal((null, (long)big.Length), (row.Config, row.ConfigBytes));
    }

    public static TheoryData<string, string, string> NotLamb => new()
    {
        { "a missing table", "CREATE TABLE Creator_users (id INTEGER, user_email TEXT, user_name TEXT, organization_id INTEGER);", "it has no table 'LAMB_organizations'" },
        { "a missing column", "CREATE TABLE LAMB_organizations (id INTEGER, slug TEXT, name TEXT, status TEXT, config TEXT);", "table 'LAMB_organizations' has no column 'is_system'" },
    };

    [Theory]
    [MemberData(nameof(NotLamb))]
    public void A_database_without_lambs_tables_is_refused_with_what_is_missing(string name, string sql, string why)
    {
        var path = Path.Combine(_folder, "other.db");
        Sql(path, sql);

        var exception = Assert.Throws<InputFileException>(() => LambDatabase.Read(path, "other.db"));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal((DiagnosticCodes.NotALambDatabase, $"other.db: error IMP5001: not a LAMB database: {why}."), (diagnostic.Code, diagnostic.ToString()));
        Assert.NotNull(name);
    }

    [Fact]
    public void A_table_with_more_rows_than_the_import_reads_is_refused_before_it_is_read()
    {
        var path = new LambDatabaseBuilder().Write(Path.Combine(_folder, "huge.db"));
        Sql(path, $"""
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x <= {LambImportLimits.MaxOrganizations})
            INSERT INTO LAMB_organizations SELECT x, 'org-' || x, 'Org', 0, 'active', NULL, 0, 0 FROM n;
            """);

        var exception = Assert.Throws<InputFileException>(() => LambDatabase.Read(path, "huge.db"));

        Assert.Equal("huge.db: error IMP5006: table 'LAMB_organizations' has 100,001 rows; the import reads at most 100,000.", exception.Diagnostics.Single().ToString());
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused()
    {
        var path = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(path, "these are not the tables you are looking for, and this text is long enough to be a header");

        var exception = Assert.Throws<InputFileException>(() => LambDatabase.Read(path, "notes.txt"));

        Assert.Equal("notes.txt: error IMP5001: not a LAMB database: it is not an SQLite database.", exception.Diagnostics.Single().ToString());
    }

    [Theory]
    [InlineData("missing.db", DiagnosticCodes.FileNotFound)]
    [InlineData(".", DiagnosticCodes.NotAFile)]
    [InlineData("/dev/null", DiagnosticCodes.NotARegularFile)]
    public void Only_a_regular_file_is_opened(string name, string code)
    {
        var path = name.StartsWith('/') ? name : Path.Combine(_folder, name);

        var exception = Assert.Throws<InputFileException>(() => LambDatabase.Read(path));

        Assert.Equal(code, exception.Diagnostics.Single().Code);
        Assert.False(File.Exists(Path.Combine(_folder, "missing.db")));
    }

    private static void Sql(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
