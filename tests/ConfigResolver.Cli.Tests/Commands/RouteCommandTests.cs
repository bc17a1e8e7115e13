using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>cfgr route</c> on LAMB's example organization: the answer, the explanation, the JSON shape, and the error when nothing qualifies.</summary>
public sealed class RouteCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string[]> Runs() => new()
    {
        { "route_org", ["route", "--org", "engineering"] },
        { "route_org_explain", ["route", "--org", "engineering", "--explain"] },
        { "route_org_json", ["route", "--org", "engineering", "--json"] },
        { "route_requested_explain", ["route", "--org", "engineering", "--model", "gpt-4o", "--provider", "openai", "--explain"] },
        { "route_unlisted_model_explain", ["route", "--org", "engineering", "--model", "gpt-5", "--provider", "openai", "--explain"] },
        { "route_disabled_provider_json", ["route", "--org", "engineering", "--provider", "anthropic", "--model", "claude-3-5-sonnet-20241022", "--json"] },
        { "route_user", ["route", "--user", "ann@engineering.edu", "--provider", "ollama"] },
        { "route_user_without_org_explain", ["route", "--user", "nobody@example.com", "--explain"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Route_answers_and_explains_without_showing_a_key(string golden, string[] args)
    {
        var db = LambDatabase.Seed(_sandbox);
        if (golden.Contains("without_org", StringComparison.Ordinal))
        {
            _sandbox.Environment["OPENAI_MODELS"] = "gpt-4o,gpt-4o-mini";
            _sandbox.Run("--db", db, "user", "add", "--email", "nobody@example.com");
        }

        var result = _sandbox.Run(["--db", db, .. args]);

        Golden.Match(golden, result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.DoesNotContain("sk-...", result.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-operator-secret", result.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_exactly_the_documented_shape()
    {
        var db = LambDatabase.Seed(_sandbox);

        using var json = JsonDocument.Parse(_sandbox.Run("--db", db, "route", "--org", "engineering", "--json").Stdout);

        var root = json.RootElement;
        Assert.Equal(["org", "setup", "candidates", "refused"], root.EnumerateObject().Select(static p => p.Name));
        var answer = root.GetProperty("candidates")[0];
        Assert.Equal(["provider", "model", "base_url", "api_key", "reason"], answer.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(("openai", "gpt-4o-mini", "https://api.openai.com/v1", "[redacted]"),
            (answer.GetProperty("provider").GetString(), answer.GetProperty("model").GetString(), answer.GetProperty("base_url").GetString(), answer.GetProperty("api_key").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("candidates")[1].GetProperty("api_key").ValueKind);
        var refused = Assert.Single(root.GetProperty("refused").EnumerateArray());
        Assert.Equal(["provider", "model", "reason"], refused.EnumerateObject().Select(static p => p.Name));
        Assert.Equal("anthropic", refused.GetProperty("provider").GetString());
    }

    [Fact]
    public void Nothing_qualifying_is_exit_1_with_the_refusals_on_standard_error()
    {
        var db = LambDatabase.Seed(_sandbox);
        _sandbox.Write("closed.json", """{"version":"1.0","setups":{"default":{"providers":{"anthropic":{"enabled":false},"openai":{"models":["gpt-4o"]}}}}}""");
        _sandbox.Run("--db", db, "org", "create", "--slug", "closed", "--name", "Closed", "--config", "closed.json");

        var text = _sandbox.Run("--db", db, "route", "--org", "closed", "--model", "gpt-4o");
        var json = _sandbox.Run("--db", db, "route", "--org", "closed", "--json");

        Golden.Match("route_no_candidate", text);
        Golden.Match("route_no_candidate_json", json);
        Assert.Equal((ExitCodes.Failed, ExitCodes.Failed), (text.ExitCode, json.ExitCode));
        Assert.StartsWith("route: error CFG1050: ", text.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-operator-secret", text.Transcript + json.Transcript, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--org", "engineering", "--user", "ann@engineering.edu")]
    [InlineData("--model", "gpt-4o")]
    public void Route_needs_exactly_one_of_org_and_user(params string[] args)
    {
        var result = _sandbox.Run(["route", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: give exactly one of '--org' and '--user'.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_organization_or_setup_is_the_usual_error()
    {
        var db = LambDatabase.Seed(_sandbox);

        var org = _sandbox.Run("--db", db, "route", "--org", "nope");
        var setup = _sandbox.Run("--db", db, "route", "--org", "engineering", "--setup", "research");

        Assert.Equal("org 'nope': error TEN2005: unknown organization 'nope'.\n", org.Stderr);
        Assert.StartsWith("org 'engineering': error CFG1020: /setups/research: unknown setup 'research'", setup.Stderr, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Failed, ExitCodes.Failed), (org.ExitCode, setup.ExitCode));
    }
}
