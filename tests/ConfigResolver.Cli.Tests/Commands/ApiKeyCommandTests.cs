using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>apikey create|list|revoke|rotate</c> and <c>check --api-key</c>; each transcript is a golden file.</summary>
public sealed class ApiKeyCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Create_prints_the_secret_alone_on_stdout_and_list_never_shows_it()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var create = _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "bob@acme.example", "--name", "ci", "--scope", "agents:read", "--scope", "messages:*", "--expires", "2026-12-31T00:00:00Z");
        var json = _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "ann@acme.example", "--name", "deploy", "--scope", "config:read", "--json");
        var list = _sandbox.Run("--db", db, "apikey", "list", "--org", "acme");
        var listJson = _sandbox.Run("--db", db, "apikey", "list", "--org", "acme", "--json");

        Golden.Match("apikey_create", create);
        Golden.Match("json_apikey_create", json);
        Golden.Match("apikey_list", list);
        Golden.Match("json_apikey_list", listJson);
        var secret = Assert.Single(create.StdoutLines);
        Assert.Matches("^cfgr_[a-z2-7]{12}_[a-z2-7]{52}$", secret);
        var jsonSecret = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("secret").GetString()!;
        Assert.DoesNotContain(secret, list.Stdout + listJson.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(jsonSecret, list.Stdout + listJson.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[18..], TenancyDatabase.Dump(_sandbox), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_the_creator_does_not_hold_is_refused_by_name()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "bob@acme.example", "--name", "ci", "--scope", "agents:read", "--scope", "agents:delete");

        Golden.Match("apikey_create_scope_not_held", result);
        Assert.Equal("no API keys.", Assert.Single(_sandbox.Run("--db", db, "apikey", "list", "--org", "acme").StdoutLines));
    }

    [Fact]
    public void Check_with_a_key_allows_its_scopes_denies_the_rest_and_other_organizations()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var secret = Assert.Single(_sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "bob@acme.example", "--name", "ci", "--scope", "agents:read").StdoutLines);

        var allowed = _sandbox.Run("--db", db, "check", "--api-key", secret, "--org", "acme", "--action", "agents:read");
        var denied = _sandbox.Run("--db", db, "check", "--api-key", secret, "--org", "acme", "--action", "agents:write", "--explain");
        var otherOrg = _sandbox.Run("--db", db, "check", "--api-key", secret, "--org", "beta", "--action", "agents:read", "--explain", "--json");
        var fromStdin = _sandbox.RunWithInput(secret + "\n", "--db", db, "check", "--api-key", "-", "--org", "acme", "--action", "agents:read", "--json");

        Golden.Match("check_api_key_allowed", allowed);
        Golden.Match("check_api_key_denied", denied);
        Golden.Match("json_check_api_key_other_org", otherOrg);
        Golden.Match("json_check_api_key_stdin", fromStdin);
        Assert.Equal((0, 3, 3, 0), (allowed.ExitCode, denied.ExitCode, otherOrg.ExitCode, fromStdin.ExitCode));
    }

    [Fact]
    public void A_revoked_key_stops_and_a_rotated_key_works_only_with_its_new_secret()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var create = _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "bob@acme.example", "--name", "ci", "--scope", "agents:read", "--json");
        var created = JsonDocument.Parse(create.Stdout).RootElement;
        var (id, secret) = (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);

        var rotate = _sandbox.Run("--db", db, "apikey", "rotate", "--org", "acme", id);
        var oldSecret = _sandbox.Run("--db", db, "check", "--api-key", secret, "--org", "acme", "--action", "agents:read");
        var newSecret = _sandbox.Run("--db", db, "check", "--api-key", rotate.StdoutLines[0], "--org", "acme", "--action", "agents:read");
        var revoke = _sandbox.Run("--db", db, "apikey", "revoke", "--org", "acme", id);
        var revoked = _sandbox.Run("--db", db, "check", "--api-key", rotate.StdoutLines[0], "--org", "acme", "--action", "agents:read", "--json");
        var revokeAgain = _sandbox.Run("--db", db, "apikey", "revoke", "--org", "acme", id, "--json");
        var otherOrg = _sandbox.Run("--db", db, "apikey", "revoke", "--org", "beta", id);

        Golden.Match("apikey_rotate", rotate);
        Golden.Match("check_api_key_rotated_out", oldSecret);
        Golden.Match("apikey_revoke", revoke);
        Golden.Match("json_check_api_key_revoked", revoked);
        Golden.Match("json_apikey_revoke_again", revokeAgain);
        Golden.Match("apikey_revoke_other_org", otherOrg);
        Assert.Equal((1, 0, 1, 1, 1), (oldSecret.ExitCode, newSecret.ExitCode, revoked.ExitCode, revokeAgain.ExitCode, otherOrg.ExitCode));
        Assert.DoesNotContain(rotate.StdoutLines[0][18..], revoked.Stdout + revoked.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> UsageErrors => new()
    {
        { "check_user_and_api_key", ["check", "--user", "bob@acme.example", "--api-key", "x", "--org", "acme", "--action", "agents:read"] },
        { "apikey_create_without_scope", ["apikey", "create", "--org", "acme", "--user", "bob@acme.example", "--name", "ci"] },
        { "apikey_create_bad_expiry", ["apikey", "create", "--org", "acme", "--user", "bob@acme.example", "--name", "ci", "--scope", "agents:read", "--expires", "tomorrow"] },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Malformed_command_lines_are_usage_errors(string golden, string[] args)
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run(["--db", db, .. args]);

        Golden.Match("usage_" + golden, result);
        Assert.Equal(2, result.ExitCode);
    }
}
