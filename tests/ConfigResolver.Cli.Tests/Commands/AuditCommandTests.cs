using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>audit list</c> after a run of administrative writes; each transcript is a golden file.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Every_write_of_the_access_flow_is_in_the_audit_log_without_a_secret()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var key = JsonDocument.Parse(_sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "ann@acme.example", "--name", "ci", "--scope", "agents:*", "--json").Stdout).RootElement;
        var rotated = _sandbox.Run("--db", db, "apikey", "rotate", "--org", "acme", key.GetProperty("id").GetString()!).StdoutLines[0];
        _sandbox.Run("--db", db, "apikey", "revoke", "--org", "acme", key.GetProperty("id").GetString()!);
        var token = _sandbox.Run("--db", db, "invite", "create", "--org", "acme", "--email", "erin@example.com", "--role", "admin", "--by", "ann@acme.example").StdoutLines[0];
        _sandbox.Run("--db", db, "invite", "accept", token, "--email", "erin@example.com");
        _sandbox.Run("--db", db, "signup", "--key", "join-beta-2026", "--email", "frank@example.com");

        var all = _sandbox.Run("--db", db, "audit", "list", "--limit", "8");
        var keys = _sandbox.Run("--db", db, "audit", "list", "--org", "acme", "--action", "apikey.*", "--json");
        var byAnn = _sandbox.Run("--db", db, "audit", "list", "--actor", "user:ann@acme.example", "--json");
        var since = _sandbox.Run("--db", db, "audit", "list", "--since", "2030-01-01T00:00:00Z");
        var badLimit = _sandbox.Run("--db", db, "audit", "list", "--limit", "0");

        Golden.Match("audit_list", all);
        Golden.Match("json_audit_list_keys", keys);
        Golden.Match("json_audit_list_actor", byAnn);
        Assert.Equal(["no audit events."], since.StdoutLines);
        Assert.Equal(2, badLimit.ExitCode);
        var everything = _sandbox.Run("--db", db, "audit", "list", "--limit", "1000", "--json").Stdout;
        foreach (var secret in new[] { key.GetProperty("secret").GetString()!, rotated, token, "join-beta-2026", "sk-acme-own-key" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        var actions = JsonDocument.Parse(everything).RootElement.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["signup", "invitation.accept", "invitation.create", "apikey.revoke", "apikey.rotate", "apikey.create"], actions.Take(6));
    }
}
