using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Rendering;

/// <summary>Colour for allow/deny and PASS/FAIL on a terminal only, never with NO_COLOR, never when redirected.</summary>
public sealed class ColorTests : IDisposable
{
    private const char Escape = '\u001b';

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(true, "1", false)]
    [InlineData(true, "", true)]
    public void Check_colours_its_verdict_only_on_a_terminal_without_NO_COLOR(bool terminal, string? noColor, bool coloured)
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Terminal = terminal;
        _sandbox.Environment["NO_COLOR"] = noColor;

        var allow = _sandbox.Run("--db", db, "check", "--user", "ann@acme.example", "--org", "acme", "--action", "agents:read");
        var deny = _sandbox.Run("--db", db, "check", "--user", "bob@acme.example", "--org", "acme", "--action", "agents:delete");

        Assert.Equal(coloured ? "\u001b[32mallow\u001b[0m" : "allow", allow.StdoutLines[0]);
        Assert.Equal(coloured ? "\u001b[31mdeny\u001b[0m" : "deny", deny.StdoutLines[0]);
    }

    [Fact]
    public void Policy_test_colours_PASS_and_FAIL_on_a_terminal_and_never_colours_json()
    {
        var dir = _sandbox.CopyShippedPolicies();
        _sandbox.Terminal = true;

        var text = _sandbox.Run("policy", "test", dir, "--filter", "API keys");
        var json = _sandbox.Run("policy", "test", dir, "--filter", "API keys", "--json");

        Assert.All(text.StdoutLines.SkipLast(1), static l => Assert.StartsWith("\u001b[32mPASS\u001b[0m ", l, StringComparison.Ordinal));
        Assert.DoesNotContain(Escape, json.Stdout);
    }

    [Fact]
    public void Redirected_output_is_never_coloured()
    {
        var dir = _sandbox.CopyShippedPolicies();

        var result = _sandbox.Run("policy", "test", dir);

        Assert.DoesNotContain(Escape, result.Stdout + result.Stderr);
    }
}
