using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.TestData;
using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>cfgr import lamb</c> over small LAMB databases built with exactly LAMB's three tables.</summary>
public sealed class ImportLambCommandTests : IDisposable
{
    private const string OperatorKey = "sk-operator-lamb-1234";

    private static readonly string s_engineering = File.ReadAllText(Path.Combine(TestDataFiles.Lamb, "engineering.json"))
        .Replace("\"sk-...\"", $"\"{OperatorKey}\"", StringComparison.Ordinal);

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_lamb_database_with_problems_imports_the_good_rows_and_reports_the_rest()
    {
        var lamb = Mixed();

        var result = _sandbox.Run("--db", "ours.db", "import", "lamb", "--from", lamb);

        Golden.Match("import_lamb", result);
        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.DoesNotContain(OperatorKey, result.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("physics", _sandbox.Run("--db", "ours.db", "org", "list").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_prints_the_same_report_and_leaves_the_store_as_it_was()
    {
        var lamb = Mixed();
        _sandbox.Run("--db", "ours.db", "org", "list");
        var before = TenancyDatabase.Dump(_sandbox, "ours.db");

        var result = _sandbox.Run("--db", "ours.db", "import", "lamb", "--from", lamb, "--dry-run");

        Golden.Match("import_lamb_dry_run", result);
        Assert.Equal(before, TenancyDatabase.Dump(_sandbox, "ours.db"));
    }

    [Fact]
    public void Json_output_has_every_row_and_the_summary()
    {
        var lamb = Mixed();

        var result = _sandbox.Run("--db", "ours.db", "import", "lamb", "--from", lamb, "--json");

        Golden.Match("import_lamb_json", result);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["dry_run", "organizations", "users", "memberships", "shared_keys", "summary"], json.RootElement.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("organizations").GetProperty("imported").GetInt32());
    }

    [Fact]
    public void An_imported_organization_resolves_and_routes_like_lambs_document_and_round_trips()
    {
        var lamb = new LambDatabaseBuilder()
            .Organization(1, "lamb", """{"version":"1.0","setups":{"default":{"providers":{"openai":{"api_key":"sk-op","models":["gpt-4o"]}}}}}""", isSystem: true)
            .Organization(2, "engineering", s_engineering.Replace(OperatorKey, "sk-eng-own", StringComparison.Ordinal))
            .User(1, "ann@engineering.edu", 2)
            .Role(2, 1, "owner")
            .Write(Path.Combine(_sandbox.Root, "lamb.db"));
        _sandbox.Write("engineering.json", s_engineering.Replace(OperatorKey, "sk-eng-own", StringComparison.Ordinal));

        var import = _sandbox.Run("--db", "ours.db", "import", "lamb", "--from", "lamb.db");
        _sandbox.Run("--db", "direct.db", "org", "create", "--slug", "engineering", "--name", "E", "--config", "engineering.json");
        var imported = Values("ours.db");
        var route = _sandbox.Run("--db", "ours.db", "route", "--user", "ann@engineering.edu");
        _sandbox.Write("back.json", _sandbox.Run("--db", "ours.db", "org", "config", "get", "engineering", "--format", "lamb", "--reveal-secrets").Stdout);
        _sandbox.Run("--db", "ours.db", "org", "config", "set", "engineering", "--file", "back.json");

        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        Assert.Equal(Values("direct.db"), imported);
        Assert.Equal(imported, Values("ours.db"));
        Assert.Equal("user 'ann@engineering.edu' routes through org 'engineering'\norg 'engineering' setup 'default': openai/gpt-4o-mini at https://api.openai.com/v1, api_key [redacted]\n", route.Stdout);
        Assert.Empty(import.Stderr);
    }

    [Fact]
    public void A_file_that_is_not_a_lamb_database_is_one_error_line()
    {
        _sandbox.Write("notes.db", "plain text, not a database at all, long enough to fill a header");

        var result = _sandbox.Run("--db", "ours.db", "import", "lamb", "--from", "notes.db");

        Assert.Equal((ExitCodes.Failed, "notes.db: error IMP5001: not a LAMB database: it is not an SQLite database.\n"), (result.ExitCode, result.Stderr));
    }

    /// <summary>System organization, engineering (LAMB's example with the operator's key copied in), physics (bad URL); users with problems.</summary>
    private string Mixed() => new LambDatabaseBuilder()
        .Organization(1, "lamb", $$$$"""{"version":"1.0","setups":{"default":{"name":"Default Setup","providers":{"openai":{"api_key":"{{{{OperatorKey}}}}","models":["gpt-4o","gpt-4o-mini"]}},"knowledge_base":{"server_url":"","api_token":""}}},"features":{"signup_enabled":false}}""", isSystem: true, name: "LAMB System Organization")
        .Organization(2, "engineering", s_engineering, name: "Engineering")
        .Organization(3, "physics", """{"version":"1.0","kb_server":{"url":"http://"}}""", name: "Physics")
        .User(1, "admin@lamb.edu", 1, "Admin")
        .User(2, "ann@engineering.edu", 2, "Ann")
        .User(3, "bob@engineering.edu", 2, "Bob")
        .User(4, null, 2, "No Email")
        .User(5, "Ann@Engineering.edu", 2, "Ann again")
        .User(6, "carol@physics.edu", 3, "Carol")
        .User(7, "dan@engineering.edu", 2, "Dan")
        .Role(1, 1, "admin")
        .Role(2, 2, "admin")
        .Role(2, 7, "guest")
        .Role(3, 6, "owner")
        .Write(Path.Combine(_sandbox.Root, "lamb.db")).Length > 0 ? "lamb.db" : string.Empty;

    private List<string> Values(string db)
    {
        using var json = JsonDocument.Parse(_sandbox.Run("--db", db, "resolve", "--org", "engineering", "--json", "--reveal-secrets").Stdout);
        return [.. json.RootElement.GetProperty("values").EnumerateObject().Select(static v => $"{v.Name} {v.Value.GetProperty("value").GetRawText()} {v.Value.GetProperty("state").GetString()}")];
    }
}
