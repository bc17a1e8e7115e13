using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>cfgr resolve</c>: text, explanations, the documented JSON shape, users, setups and secrets.</summary>
public sealed class ResolveCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string[]> Runs() => new()
    {
        { "resolve_org", ["resolve", "--org", "acme"] },
        { "resolve_org_explain", ["resolve", "--org", "acme", "--explain"] },
        { "resolve_org_json", ["resolve", "--org", "acme", "--json"] },
        { "resolve_org_json_explain", ["resolve", "--org", "acme", "--json", "--explain"] },
        { "resolve_setup", ["resolve", "--org", "beta", "--setup", "research"] },
        { "resolve_user", ["resolve", "--user", "BOB@acme.example"] },
        { "resolve_user_without_org", ["resolve", "--user", "dave@example.com", "--json"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Resolve_prints_every_value_with_provenance_and_no_secret(string golden, string[] args)
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run(["--db", db, .. args]);

        Golden.Match(golden, result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        foreach (var secret in new[] { "sk-acme-own-key", "sk-operator-secret", "kb-operator-token", "join-beta-2026" })
        {
            Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reveal_secrets_shows_the_organizations_keys_but_never_a_withheld_operator_key()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "resolve", "--org", "acme", "--explain", "--reveal-secrets");

        Golden.Match("resolve_reveal", result);
        Assert.Contains("/providers/openai/api_key = sk-acme-own-key (org ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/kb_server/api_key = kb-operator-token (env LAMB_KB_SERVER_TOKEN, shared)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-operator-secret", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_the_documented_shape_for_every_value()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        using var json = JsonDocument.Parse(_sandbox.Run("--db", db, "resolve", "--org", "acme", "--json").Stdout);

        var root = json.RootElement;
        Assert.Equal(["org", "setup", "values"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("acme", "default"), (root.GetProperty("org").GetString(), root.GetProperty("setup").GetString()));
        var states = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in root.GetProperty("values").EnumerateObject())
        {
            Assert.StartsWith("/", value.Name, StringComparison.Ordinal);
            Assert.Equal(["value", "layer", "source", "state"], value.Value.EnumerateObject().Select(p => p.Name));
            Assert.Contains(value.Value.GetProperty("layer").GetString(), new[] { "org", "env", "system", "default", null });
            states.Add(value.Value.GetProperty("state").GetString()!);
        }

        Assert.Equal(["absent", "disabled", "set", "shared"], states.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--org", "acme", "--user", "ann@acme.example")]
    [InlineData("--setup", "default")]
    public void Resolve_needs_exactly_one_of_org_and_user(params string[] args)
    {
        var result = _sandbox.Run(["resolve", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: give exactly one of '--org' and '--user'.", result.StderrLines[0]);
    }
}
