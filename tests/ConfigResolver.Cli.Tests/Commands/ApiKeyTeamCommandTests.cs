using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>apikey create --team</c>: a key bound to a team of its organization.</summary>
public sealed class ApiKeyTeamCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_key_bound_to_a_team_shows_it_and_an_unknown_team_is_refused_with_nothing_stored()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        Assert.Equal(ExitCodes.Ok, _sandbox.Run("--db", db, "team", "create", "--org", "acme", "--name", "research").ExitCode);

        var bound = _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "ann@acme.example", "--name", "lab", "--scope", "agents:read", "--team", "research", "--json");
        var unknown = _sandbox.Run("--db", db, "apikey", "create", "--org", "acme", "--user", "ann@acme.example", "--name", "x", "--scope", "agents:read", "--team", "sales");
        var list = JsonDocument.Parse(_sandbox.Run("--db", db, "apikey", "list", "--org", "acme", "--json").Stdout).RootElement;

        Assert.Equal(ExitCodes.Ok, bound.ExitCode);
        Assert.Equal("research", JsonDocument.Parse(bound.Stdout).RootElement.GetProperty("team").GetString());
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.Contains("QTA6011", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown team 'sales'", unknown.Stderr, StringComparison.Ordinal);
        var key = Assert.Single(list.EnumerateArray());
        Assert.Equal("research", key.GetProperty("team").GetString());
    }
}
