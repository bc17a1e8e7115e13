using System.Text.Json;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>permissions</c> and <c>who-can</c> (golden files), and the issue's "done means": a key created from the CLI
/// authorizes exactly its scopes in <c>check --api-key</c>, and <c>permissions</c> agrees with <c>check</c>.
/// </summary>
public sealed class PermissionCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Permissions_and_who_can_name_each_grant()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "ann@acme.example", "--name", "billing bot", "--scope", "billing:read");

        Golden.Match("permissions", _sandbox.Run("--db", db, "permissions", "--user", "bob@acme.example", "--org", "acme"));
        Golden.Match("json_permissions", _sandbox.Run("--db", db, "permissions", "--user", "bob@acme.example", "--org", "acme", "--json"));
        Golden.Match("permissions_outsider", _sandbox.Run("--db", db, "permissions", "--user", "dave@example.com", "--org", "acme"));
        Golden.Match("who_can", _sandbox.Run("--db", db, "who-can", "--org", "acme", "--action", "billing:read"));
        Golden.Match("json_who_can", _sandbox.Run("--db", db, "who-can", "--org", "acme", "--action", "completions:create", "--resource", "provider/openai", "--json"));
    }

    public static TheoryData<string> Users => new() { "ann@acme.example", "bob@acme.example", "carol@beta.example", "dave@example.com" };

    [Theory]
    [MemberData(nameof(Users))]
    public void Permissions_agree_with_check_on_every_declared_action(string user)
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var allowed = JsonDocument.Parse(_sandbox.Run("--db", db, "permissions", "--user", user, "--org", "acme", "--json").Stdout).RootElement
            .GetProperty("allowed").EnumerateArray().ToList();

        foreach (var action in ShippedFiles.Policy.Scopes)
        {
            foreach (var resource in new[] { null, "provider/openai", "provider/ollama" })
            {
                string[] args = resource is null
                    ? ["--db", db, "check", "--user", user, "--org", "acme", "--action", action]
                    : ["--db", db, "check", "--user", user, "--org", "acme", "--action", action, "--resource", resource];
                var check = _sandbox.Run(args).ExitCode;
                var listed = allowed.Any(p => p.GetProperty("action").GetString() == action && p.GetProperty("resource").GetString() is { } r && (r == "*" || r == resource));
                Assert.True(check is 0 or 3, $"check {action} exited {check}");
                Assert.True((check == 0) == listed, $"{user}: {action} on {resource ?? "(none)"}: check exit {check}, listed {listed}");
            }
        }
    }

    [Fact]
    public void A_key_created_from_the_cli_authorizes_exactly_its_scopes_and_stops_at_revocation()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var created = JsonDocument.Parse(_sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "ann@acme.example", "--name", "ci", "--scope", "agents:*", "--scope", "*:read", "--json").Stdout).RootElement;
        var secret = created.GetProperty("secret").GetString()!;
        string[] covered = ["agents:read", "agents:write", "agents:delete", "messages:read", "tools:read", "sources:read", "projects:read", "users:read", "config:read", "billing:read", "analytics:read"];

        foreach (var action in ShippedFiles.Policy.Scopes)
        {
            var exit = _sandbox.Run("--db", db, "check", "--api-key", secret, "--org", "acme", "--action", action).ExitCode;
            Assert.True(exit == (covered.Contains(action) ? 0 : 3), $"{action}: exit {exit}");
        }

        _sandbox.Run("--db", db, "apikey", "revoke", "--org", "acme", created.GetProperty("id").GetString()!);
        var afterRevoke = _sandbox.Run("--db", db, "check", "--api-key", secret, "--org", "acme", "--action", "agents:read");

        Assert.Equal(1, afterRevoke.ExitCode);
        Assert.Contains("ACC5002", afterRevoke.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[18..], afterRevoke.Stderr, StringComparison.Ordinal);
    }
}
