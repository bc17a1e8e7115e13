using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>invite create|list|accept|cancel|resend</c> and <c>signup</c>; each transcript is a golden file.</summary>
public sealed class InviteCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void An_invitation_accepted_once_makes_a_member_and_every_failure_has_its_own_code()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var create = _sandbox.Run("--db", db, "invite", "create", "--org", "acme", "--email", "erin@example.com", "--role", "member", "--by", "ann@acme.example");
        var list = _sandbox.Run("--db", db, "invite", "list", "--org", "acme");
        var token = Assert.Single(create.StdoutLines);
        var wrongUser = _sandbox.Run("--db", db, "invite", "accept", token, "--email", "mallory@example.com");
        var accept = _sandbox.Run("--db", db, "invite", "accept", token, "--email", "Erin@Example.com", "--name", "Erin");
        var again = _sandbox.Run("--db", db, "invite", "accept", token, "--email", "erin@example.com", "--json");
        var show = _sandbox.Run("--db", db, "org", "show", "acme");

        Golden.Match("invite_create", create);
        Golden.Match("invite_list", list);
        Golden.Match("invite_accept_wrong_user", wrongUser);
        Golden.Match("invite_accept", accept);
        Golden.Match("json_invite_accept_twice", again);
        Assert.Contains("Erin@Example.com  member", show.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", wrongUser.Stderr + again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inviter_cannot_give_a_higher_role_than_their_own()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "invite", "create", "--org", "acme", "--email", "erin@example.com", "--role", "owner", "--by", "bob@acme.example", "--json");

        Golden.Match("json_invite_create_not_allowed", result);
    }

    [Fact]
    public void Resend_kills_the_old_token_and_cancel_closes_the_invitation()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var created = JsonDocument.Parse(_sandbox.Run("--db", db, "invite", "create", "--org", "acme", "--email", "erin@example.com", "--role", "viewer", "--json").Stdout).RootElement;
        var id = created.GetProperty("id").GetString()!;

        var resend = _sandbox.Run("--db", db, "invite", "resend", "--org", "acme", id, "--json");
        var oldToken = _sandbox.Run("--db", db, "invite", "accept", created.GetProperty("token").GetString()!, "--email", "erin@example.com");
        var cancel = _sandbox.Run("--db", db, "invite", "cancel", "--org", "acme", id);
        var newToken = _sandbox.Run("--db", db, "invite", "accept", JsonDocument.Parse(resend.Stdout).RootElement.GetProperty("token").GetString()!, "--email", "erin@example.com");
        var listJson = _sandbox.Run("--db", db, "invite", "list", "--org", "acme", "--json");

        Golden.Match("json_invite_resend", resend);
        Golden.Match("invite_accept_old_token", oldToken);
        Golden.Match("invite_cancel", cancel);
        Golden.Match("invite_accept_cancelled", newToken);
        Assert.Equal("[]", listJson.Stdout.Trim());
    }

    [Fact]
    public void Signup_joins_by_organization_key_or_deployment_key_and_refuses_anything_else_the_same_way()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Environment["SIGNUP_ENABLED"] = "true";
        _sandbox.Environment["SIGNUP_SECRET_KEY"] = "lamb-deployment-key";
        _sandbox.Run("--db", db, "member", "set", "--org", "system", "--email", "dave@example.com", "--role", "owner");

        var org = _sandbox.Run("--db", db, "signup", "--key", "join-beta-2026", "--email", "erin@example.com", "--name", "Erin");
        var existing = _sandbox.Run("--db", db, "signup", "--key", "join-beta-2026", "--email", "bob@acme.example", "--json");
        var deployment = _sandbox.RunWithInput("lamb-deployment-key\n", "--db", db, "signup", "--key", "-", "--email", "frank@example.com");
        var unknown = _sandbox.Run("--db", db, "signup", "--key", "no-such-key", "--email", "gina@example.com");
        _sandbox.Environment["SIGNUP_ENABLED"] = "false";
        var closed = _sandbox.Run("--db", db, "signup", "--key", "lamb-deployment-key", "--email", "gina@example.com", "--json");

        Golden.Match("signup", org);
        Golden.Match("json_signup_existing_user", existing);
        Golden.Match("signup_deployment_key", deployment);
        Golden.Match("signup_refused", unknown);
        Golden.Match("json_signup_refused", closed);
        Assert.Equal(unknown.Stderr, closed.Stderr);
    }
}
