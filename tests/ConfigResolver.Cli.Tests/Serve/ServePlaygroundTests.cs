using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Serve;

/// <summary>
/// <c>cfgr serve --playground</c> without a browser: off by default, refused with <c>--allow-remote</c>, the working
/// copy starts from the policy serve uses (a directory, or the store's revision with <c>--policies store</c>), and the
/// impact is computed against the policy being served.
/// </summary>
public sealed class ServePlaygroundTests
{
    [Theory]
    [InlineData("--allow-remote")]
    [InlineData("--allow-remote", "--urls", "http://0.0.0.0:8181")]
    public void The_playground_is_refused_with_allow_remote(params string[] args)
    {
        using var sandbox = new CliSandbox();

        var result = sandbox.Run(["serve", "--playground", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: '--playground' cannot be combined with '--allow-remote'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_playground_is_off_unless_asked()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db);

        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/playground/")).StatusCode);
        Assert.DoesNotContain("playground", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_working_copy_starts_from_the_served_directory_and_the_impact_is_against_it()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        var policies = sandbox.CopyShippedPolicies("served");
        var roles = Path.Combine(sandbox.Root, policies, "roles.yaml");
        var shippedRoles = File.ReadAllText(roles);
        File.WriteAllText(roles, RemoveMemberAgentsWrite(shippedRoles));
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--policies", policies, "--playground");

        var files = (await server.Client.GetFromJsonAsync<JsonElement>("/playground/api/files")).GetProperty("files");
        var served = RolesOf(files);
        var same = await ImpactAsync(server, files);
        var shipped = await ImpactAsync(server, WithRoles(files, shippedRoles));

        Assert.Equal(File.ReadAllText(roles), served);
        Assert.Equal(0, same.GetProperty("changes").GetArrayLength());
        var gained = shipped.GetProperty("changes").EnumerateArray()
            .Select(static c => $"{c.GetProperty("org").GetString()} {c.GetProperty("principal").GetString()} {c.GetProperty("action").GetString()} {c.GetProperty("before").GetString()}>{c.GetProperty("after").GetString()}");
        Assert.Contains("acme bob@acme.example agents:write deny>allow", gained);
        Assert.Equal(0, shipped.GetProperty("summary").GetProperty("lost").GetInt32());
    }

    [Fact]
    public async Task With_policies_from_the_store_the_playground_follows_the_revision_serving()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        var policies = sandbox.CopyShippedPolicies("pol");
        var shippedRoles = File.ReadAllText(Path.Combine(sandbox.Root, "pol", "roles.yaml"));
        Assert.Equal(0, sandbox.Run("--db", db, "policy", "push", policies, "--author", "ann").ExitCode);
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--policies", "store", "--playground");

        var first = (await server.Client.GetFromJsonAsync<JsonElement>("/playground/api/files")).GetProperty("files");
        var withoutAgentsWrite = WithRoles(first, RemoveMemberAgentsWrite(shippedRoles));
        var lost = await ImpactAsync(server, withoutAgentsWrite);
        Assert.True(await AllowedAsync(server));
        Assert.Equal(shippedRoles, RolesOf(first));
        Assert.Equal(1, lost.GetProperty("summary").GetProperty("lost").GetInt32());

        File.WriteAllText(Path.Combine(sandbox.Root, "pol", "roles.yaml"), RemoveMemberAgentsWrite(shippedRoles));
        Assert.Equal(0, sandbox.Run("--db", db, "policy", "push", policies, "--author", "ann").ExitCode);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await AllowedAsync(server))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the server did not switch to revision 2");
            sandbox.Clock.Advance(TimeSpan.FromSeconds(1)); // the server's store polls its change log on the sandbox's clock
            await Task.Delay(100);
        }

        var second = (await server.Client.GetFromJsonAsync<JsonElement>("/playground/api/files")).GetProperty("files");
        Assert.Equal(RemoveMemberAgentsWrite(shippedRoles), RolesOf(second));
        Assert.Equal(0, (await ImpactAsync(server, withoutAgentsWrite)).GetProperty("changes").GetArrayLength());
        Assert.Contains("policies store", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_from_a_store_without_a_revision_refuse_to_start()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);

        var result = sandbox.Run("--db", db, "serve", "--urls", "http://127.0.0.1:0", "--policies", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("POL2040", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<bool> AllowedAsync(RunningServer server)
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/check", new { user = "bob@acme.example", org = "acme", action = "agents:write" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowed").GetBoolean();
    }

    private static string RolesOf(JsonElement files) =>
        files.EnumerateArray().Single(static f => f.GetProperty("path").GetString() == "roles.yaml").GetProperty("text").GetString()!;

    private static string RemoveMemberAgentsWrite(string roles)
    {
        var line = roles.IndexOf("      - agents:write\n", roles.IndexOf("\n  member:\n", StringComparison.Ordinal), StringComparison.Ordinal);
        return roles.Remove(line, "      - agents:write\n".Length);
    }

    private static async Task<JsonElement> ImpactAsync(RunningServer server, JsonElement files)
    {
        using var response = await server.Client.PostAsJsonAsync("/playground/api/impact", new { files });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("ok").GetBoolean(), body.ToString());
        return body;
    }

    private static JsonElement WithRoles(JsonElement files, string roles) => JsonSerializer.SerializeToElement(files.EnumerateArray().Select(f =>
    {
        var path = f.GetProperty("path").GetString();
        return new { path, text = path == "roles.yaml" ? roles : f.GetProperty("text").GetString() };
    }));
}
