using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Serve;

/// <summary><c>cfgr serve --policies store</c>: the store's current policy revision, switched by a push from another process.</summary>
public sealed class ServePolicyStoreTests
{
    private const string Freeze = "kind: Rules\npackage: freeze\ndefault: deny\nrules:\n  - name: frozen\n    effect: deny\n    actions: [\"agents:write\"]\n    reason: \"beta is frozen\"\n";
    private const string CarolWrites = """{"user":"carol@beta.example","org":"beta","action":"agents:write"}""";

    [Fact]
    public async Task Serves_the_current_revision_and_switches_when_another_process_pushes_one()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        var policies = sandbox.CopyShippedPolicies("pol");
        Assert.Equal(ExitCodes.Ok, sandbox.Run("--db", db, "policy", "push", policies, "--message", "first").ExitCode);
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--policies", "store");

        var before = await CheckAsync(server, CarolWrites);
        sandbox.Write("pol/orgs/beta/freeze.yaml", Freeze);
        Assert.Equal(ExitCodes.Ok, sandbox.Run("--db", db, "policy", "push", policies, "--message", "freeze beta").ExitCode);
        var after = await WaitForAsync(sandbox, server, CarolWrites, d => d.GetProperty("revision").GetInt64() > before.GetProperty("revision").GetInt64() && !d.GetProperty("allowed").GetBoolean());
        var health = await server.Client.GetStringAsync("/healthz");

        Assert.True(before.GetProperty("allowed").GetBoolean(), health + server.Stdout + server.Stderr);
        Assert.False(after.GetProperty("allowed").GetBoolean(), health + after + server.Stdout + server.Stderr);
        Assert.False(after.GetProperty("allowed").GetBoolean());
        Assert.Contains("policies store (current revision", server.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"policy_revision\":2", health, StringComparison.Ordinal);
        Assert.Equal(0, await server.StopAsync());
    }

    [Fact]
    public void A_store_without_a_policy_revision_is_one_clear_error()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);

        var result = sandbox.Run("--db", db, "serve", "--urls", "http://127.0.0.1:0", "--policies", "store");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("POL2040", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CheckAsync(RunningServer server, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/v1/check", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Asks until <paramref name="done"/>, moving the sandbox's fake clock on so the store's change poll runs.</summary>
    private static async Task<JsonElement> WaitForAsync(CliSandbox sandbox, RunningServer server, string body, Func<JsonElement, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var decision = await CheckAsync(server, body);
            if (done(decision) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return decision;
            }

            sandbox.Clock.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(50);
        }
    }
}
