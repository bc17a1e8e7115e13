using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>The <c>org</c> commands against the seeded SQLite file; each run's transcript is a golden file.</summary>
public sealed class OrgCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Org_create_with_a_config_file_stores_the_organization()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var config = _sandbox.Write("gamma.json", """{"version":1,"setups":{"default":{"providers":{"anthropic":{"api_key":"sk-ant-gamma"}}}}}""");

        var result = _sandbox.Run("--db", db, "org", "create", "--slug", "gamma", "--name", "Gamma Inc", "--config", config);

        Golden.Match("org_create", result);
        Assert.Contains("gamma 'Gamma Inc'", TenancyDatabase.Dump(_sandbox), StringComparison.Ordinal);
    }

    [Fact]
    public void Org_create_with_the_baseline_copies_the_system_setups()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var create = _sandbox.Run("--db", db, "org", "create", "--slug", "gamma", "--name", "Gamma", "--baseline");
        var config = _sandbox.Run("--db", db, "org", "config", "get", "gamma");

        Golden.Match("org_create_baseline", create);
        Golden.Match("org_config_get_baseline", config);
        Assert.Contains("http://kb.internal:9090", config.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Org_list_shows_every_organization_by_slug()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        Golden.Match("org_list", _sandbox.Run("--db", db, "org", "list"));
    }

    [Fact]
    public void Org_show_prints_details_and_members_without_secrets()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "show", "beta");

        Golden.Match("org_show", result);
        Assert.DoesNotContain("join-beta-2026", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Org_config_get_redacts_secrets_unless_revealed()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var redacted = _sandbox.Run("--db", db, "org", "config", "get", "acme");
        var revealed = _sandbox.Run("--db", db, "org", "config", "get", "acme", "--reveal-secrets");

        Golden.Match("org_config_get", redacted);
        Golden.Match("org_config_get_reveal", revealed);
        Assert.DoesNotContain("sk-acme-own-key", redacted.Stdout, StringComparison.Ordinal);
        Assert.Contains("sk-acme-own-key", revealed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Org_config_set_replaces_the_document_and_a_revealed_get_round_trips()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var exported = _sandbox.Run("--db", db, "org", "config", "get", "acme", "--reveal-secrets").Stdout;
        var file = _sandbox.Write("acme.json", exported.Replace("Acme Corp", "Acme Corporation", StringComparison.Ordinal));

        var result = _sandbox.Run("--db", db, "org", "config", "set", "acme", "--file", file);

        Golden.Match("org_config_set", result);
        Assert.Equal(
            exported.Replace("Acme Corp", "Acme Corporation", StringComparison.Ordinal),
            _sandbox.Run("--db", db, "org", "config", "get", "acme", "--reveal-secrets").Stdout);
    }

    [Fact]
    public void Org_status_shows_and_changes_the_status()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var suspend = _sandbox.Run("--db", db, "org", "status", "beta", "--set", "suspended");
        var show = _sandbox.Run("--db", db, "org", "status", "beta");

        Golden.Match("org_status", suspend);
        Assert.Equal(["org 'beta' is suspended."], show.StdoutLines);
    }

    [Fact]
    public void Org_delete_removes_the_organization_and_moves_members_defaults()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "delete", "beta");

        Golden.Match("org_delete", result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var entities = string.Join('\n', TenancyDatabase.Dump(_sandbox).Split('\n').Where(static l => !l.StartsWith("audit ", StringComparison.Ordinal)));
        Assert.DoesNotContain(" beta ", entities, StringComparison.Ordinal);
        Assert.Contains("carol@beta.example 'Carol' default= ", entities, StringComparison.Ordinal);
        Assert.Contains(" cli org.delete beta beta ", TenancyDatabase.Dump(_sandbox), StringComparison.Ordinal);
    }
}
