using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// The bad inputs of issue 2 through the CLI, against the seeded database: each prints one line per problem to standard
/// error (<c>WHERE: error CODE: /pointer: message</c>), exits 1 (2 for a malformed command line) and changes nothing.
/// </summary>
public sealed class TenancyErrorTests : IDisposable
{
    private static readonly Dictionary<string, string> s_files = new(StringComparer.Ordinal)
    {
        ["invalid.json"] = "{\"version\": 1,\n  \"setups\": {,}\n}\n",
        ["schema.json"] = """{"version":1,"colour":"blue","setups":{"default":{"providers":{"openai":{"enabled":"yes","base_url":"localhost:8080"}}}}}""",
        ["model.json"] = """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["gpt-4o"],"default_model":"gpt-5"}}}}}""",
        ["malformed-key.json"] = """{"version":1,"features":{"signup_enabled":true,"signup_key":"-bad key-"}}""",
        ["taken-key.json"] = """{"version":1,"features":{"signup_enabled":true,"signup_key":"join-beta-2026"}}""",
    };

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string[], int, string[]> BadInputs() => new()
    {
        { "invalid JSON", ["org", "config", "set", "acme", "--file", "invalid.json"], 1, ["org 'acme': invalid.json:2:14: error CFG1001: "] },
        { "invalid JSON on create", ["org", "create", "--slug", "gamma", "--name", "G", "--config", "invalid.json"], 1, ["org 'gamma': invalid.json:2:14: error CFG1001: "] },
        {
            "wrong type, bad URL and unknown top-level key, all at once", ["org", "config", "set", "acme", "--file", "schema.json"], 1,
            [
                "org 'acme': schema.json:1:22: error CFG1004: /colour: ",
                "org 'acme': schema.json:1:88: error CFG1002: /setups/default/providers/openai/enabled: ",
                "org 'acme': schema.json:1:116: error CFG1003: /setups/default/providers/openai/base_url: ",
            ]
        },
        { "default_model not in models", ["org", "config", "set", "acme", "--file", "model.json"], 1, ["org 'acme': model.json:1:100: error CFG1010: /setups/default/providers/openai/default_model: "] },
        { "malformed signup key", ["org", "config", "set", "acme", "--file", "malformed-key.json"], 1, ["org 'acme': malformed-key.json:1:71: error CFG1011: /features/signup_key: "] },
        { "signup key of another organization", ["org", "config", "set", "acme", "--file", "taken-key.json"], 1, ["org 'acme': error CFG1013: /features/signup_key: "] },
        { "unknown setup", ["resolve", "--org", "acme", "--setup", "nope"], 1, ["org 'acme': error CFG1020: /setups/nope: unknown setup 'nope'; expected one of 'default', 'research'."] },
        { "delete the system organization", ["org", "delete", "system"], 1, ["org 'system': error TEN2007: "] },
        { "suspend the system organization", ["org", "status", "system", "--set", "suspended"], 1, ["org 'system': error TEN2008: /status: "] },
        { "remove the last owner", ["member", "remove", "--org", "acme", "--email", "ann@acme.example"], 1, ["org 'acme': error TEN2009: /members/ann@acme.example: "] },
        { "demote the last owner", ["member", "set", "--org", "acme", "--email", "ANN@acme.example", "--role", "admin"], 1, ["org 'acme': error TEN2010: /members/ann@acme.example/role: "] },
        { "unknown organization", ["org", "show", "nope"], 1, ["org 'nope': error TEN2005: "] },
        { "unknown organization to delete", ["org", "delete", "nope"], 1, ["org 'nope': error TEN2005: "] },
        { "unknown organization to configure", ["org", "config", "set", "nope", "--file", "model.json"], 1, ["org 'nope': error TEN2005: "] },
        { "unknown organization to resolve", ["resolve", "--org", "nope"], 1, ["org 'nope': error TEN2005: "] },
        { "unknown user", ["member", "set", "--org", "acme", "--email", "nobody@example.com", "--role", "member"], 1, ["user 'nobody@example.com': error TEN2006: "] },
        { "unknown user to resolve", ["resolve", "--user", "nobody@example.com"], 1, ["user 'nobody@example.com': error TEN2006: "] },
        { "unknown organization and user", ["member", "remove", "--org", "nope", "--email", "nobody@example.com"], 1, ["org 'nope': error TEN2005: ", "user 'nobody@example.com': error TEN2006: "] },
        { "malformed and blank names", ["org", "create", "--slug", "Not A Slug", "--name", " "], 1, ["org 'Not A Slug': error TEN2014: /name: ", "org 'Not A Slug': error TEN2001: /slug: "] },
        { "taken slug", ["org", "create", "--slug", "acme", "--name", "Acme again"], 1, ["org 'acme': error TEN2002: /slug: "] },
        { "email taken in another case", ["user", "add", "--email", "Bob@ACME.example"], 1, ["user 'Bob@ACME.example': error TEN2004: /email: "] },
        { "malformed email", ["user", "add", "--email", "not-an-email"], 1, ["user 'not-an-email': error TEN2003: /email: "] },
        { "unknown role", ["member", "set", "--org", "acme", "--email", "bob@acme.example", "--role", "boss"], 2, ["error: unknown role 'boss'; expected one of 'owner', 'admin', 'member', 'viewer'."] },
        { "unknown status", ["org", "status", "acme", "--set", "paused"], 2, ["error: unknown status 'paused'; expected one of 'active', 'suspended', 'trial'."] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_reported_one_line_per_problem_and_changes_nothing(string what, string[] args, int exitCode, string[] errorPrefixes)
    {
        var db = TenancyDatabase.Seed(_sandbox);
        foreach (var (name, text) in s_files)
        {
            _sandbox.Write(name, text);
        }

        var before = TenancyDatabase.Dump(_sandbox);

        var result = _sandbox.Run(["--db", db, .. args]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var errors = exitCode == ExitCodes.Usage ? result.StderrLines.Take(1).ToList() : [.. result.StderrLines];
        Assert.True(errors.Count == errorPrefixes.Length, $"{what}: expected {errorPrefixes.Length} error line(s), got:\n{result.Stderr}");
        foreach (var (line, prefix) in errors.Zip(errorPrefixes))
        {
            Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        }

        Assert.Equal(before, TenancyDatabase.Dump(_sandbox));
    }

    [Fact]
    public void Every_problem_of_a_rejected_document_is_in_one_golden_transcript()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var file = _sandbox.Write("schema.json", s_files["schema.json"]);

        Golden.Match("org_config_set_rejected", _sandbox.Run("--db", db, "org", "config", "set", "acme", "--file", file));
    }
}
