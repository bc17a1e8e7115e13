using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// Plans, quotas, teams, model groups and usage, driven as a user would: <c>org create --plan</c>, the 6th member refused,
/// <c>quota show</c>, <c>usage consume</c> (across two runs, so across restarts), <c>org plan set</c> and <c>route --team</c>.
/// Each transcript is a golden file.
/// </summary>
public sealed class CommerceCommandTests : IDisposable
{
    private const string Config = """
        {"version": 1, "setups": {"default": {"providers": {
          "openai": {"enabled": true, "api_key": "sk-test-123456", "models": ["gpt-4o", "gpt-4o-mini"], "default_model": "gpt-4o"},
          "ollama": {"enabled": true, "base_url": "http://localhost:11434", "models": ["llama3"], "default_model": "llama3"}}}}}
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_startup_organization_refuses_its_6th_member_and_shows_its_quotas_with_live_usage()
    {
        const string db = "plans.db";
        Assert.Equal(0, _sandbox.Run("--db", db, "org", "create", "--slug", "acme", "--name", "Acme", "--plan", "startup").ExitCode);
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(0, _sandbox.Run("--db", db, "user", "add", "--email", $"u{i}@acme.example").ExitCode);
        }

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(0, _sandbox.Run("--db", db, "member", "set", "--org", "acme", "--email", $"u{i}@acme.example", "--role", i == 1 ? "owner" : "member").ExitCode);
        }

        var sixth = _sandbox.Run("--db", db, "member", "set", "--org", "acme", "--email", "u6@acme.example", "--role", "member");
        var consumed = _sandbox.Run("--db", db, "usage", "consume", "--org", "acme", "--meter", "api_calls", "--amount", "40");
        var again = _sandbox.Run("--db", db, "usage", "consume", "--org", "acme", "--meter", "credits", "--amount", "999", "--json");
        var refused = _sandbox.Run("--db", db, "usage", "consume", "--org", "acme", "--meter", "credits", "--amount", "2");
        var quota = _sandbox.Run("--db", db, "quota", "show", "--org", "acme", "--json");
        var quotaText = _sandbox.Run("--db", db, "quota", "show", "acme");
        var teams = _sandbox.Run("--db", db, "team", "list", "acme");
        var downgrade = _sandbox.Run("--db", db, "org", "plan", "set", "acme", "free");
        var forced = _sandbox.Run("--db", db, "org", "plan", "set", "acme", "free", "--force", "--json");
        var plans = _sandbox.Run("plan", "list");

        Assert.Equal(1, sixth.ExitCode);
        Assert.Contains("QTA6001: /quotas/members: members: limit 5 reached (5 used)", sixth.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, refused.ExitCode);
        Assert.Equal(1, downgrade.ExitCode);
        Golden.Match("commerce_sixth_member", sixth);
        Golden.Match("commerce_usage_consume", consumed);
        Golden.Match("commerce_usage_consume_json", again);
        Golden.Match("commerce_usage_refused", refused);
        Golden.Match("commerce_quota_show_json", quota);
        Golden.Match("commerce_quota_show", quotaText);
        Golden.Match("commerce_team_list", teams);
        Golden.Match("commerce_plan_downgrade", downgrade);
        Golden.Match("commerce_plan_forced", forced);
        Golden.Match("commerce_plan_list", plans);
    }

    [Fact]
    public void A_teams_model_group_decides_the_route_and_unlisted_models_are_reported_and_skipped()
    {
        const string db = "teams.db";
        File.WriteAllText(Path.Combine(_sandbox.Root, "beta.json"), Config);
        Assert.Equal(0, _sandbox.Run("--db", db, "org", "create", "--slug", "beta", "--name", "Beta", "--config", "beta.json", "--default-team-name", "core").ExitCode);
        Assert.Equal(0, _sandbox.Run("--db", db, "user", "add", "--email", "ann@beta.example").ExitCode);
        Assert.Equal(0, _sandbox.Run("--db", db, "user", "add", "--email", "eve@elsewhere.example").ExitCode);
        Assert.Equal(0, _sandbox.Run("--db", db, "member", "set", "--org", "beta", "--email", "ann@beta.example", "--role", "owner").ExitCode);

        var create = _sandbox.Run("--db", db, "team", "create", "--org", "beta", "--name", "research", "--json");
        var member = _sandbox.Run("--db", db, "team", "member", "add", "--org", "beta", "--team", "research", "--email", "ann@beta.example");
        var stranger = _sandbox.Run("--db", db, "team", "member", "add", "--org", "beta", "--team", "research", "--email", "eve@elsewhere.example");
        var group = _sandbox.Run("--db", db, "modelgroup", "create", "--org", "beta", "--name", "cheap", "--model", "llama3", "--model", "gpt-4o-mini@openai", "--model", "mistral");
        var assign = _sandbox.Run("--db", db, "modelgroup", "assign", "--org", "beta", "--team", "research", "--group", "cheap", "--json");
        var route = _sandbox.Run("--db", db, "route", "--org", "beta", "--team", "research", "--explain");
        var notAllowed = _sandbox.Run("--db", db, "route", "--org", "beta", "--team", "research", "--model", "gpt-4o", "--json");
        var core = _sandbox.Run("--db", db, "route", "--org", "beta", "--team", "core");
        var groups = _sandbox.Run("--db", db, "modelgroup", "list", "beta", "--json");
        var deleteDefault = _sandbox.Run("--db", db, "team", "delete", "--org", "beta", "--name", "core");
        var noTeam = _sandbox.Run("--db", db, "org", "create", "--slug", "solo", "--name", "Solo", "--no-default-team");
        var soloTeams = _sandbox.Run("--db", db, "team", "list", "solo");

        Assert.Equal(1, stranger.ExitCode);
        Assert.Equal(1, deleteDefault.ExitCode);
        Assert.Contains("warning QTA6030", assign.Stderr, StringComparison.Ordinal);
        Assert.Equal(["no teams."], soloTeams.StdoutLines);
        Assert.Equal(0, noTeam.ExitCode);
        Golden.Match("commerce_team_create_json", create);
        Golden.Match("commerce_team_member_add", member);
        Golden.Match("commerce_team_member_stranger", stranger);
        Golden.Match("commerce_modelgroup_create", group);
        Golden.Match("commerce_modelgroup_assign_json", assign);
        Golden.Match("commerce_route_team", route);
        Golden.Match("commerce_route_team_not_allowed_json", notAllowed);
        Golden.Match("commerce_route_default_team", core);
        Golden.Match("commerce_modelgroup_list_json", groups);
        Golden.Match("commerce_team_delete_default", deleteDefault);
    }
}
