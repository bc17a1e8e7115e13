using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Serve;

/// <summary>
/// <c>cfgr serve --playground</c> without a browser: off by default, refused with <c>--allow-remote</c>, the working
/// copy starts from the directory serve uses, and the impact is computed against the policy being served.
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
        var member = shippedRoles.IndexOf("\n  member:\n", StringComparison.Ordinal);
        var line = shippedRoles.IndexOf("      - agents:write\n", member, StringComparison.Ordinal);
        File.WriteAllText(roles, shippedRoles.Remove(line, "      - agents:write\n".Length));
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--policies", policies, "--playground");

        var files = (await server.Client.GetFromJsonAsync<JsonElement>("/playground/api/files")).GetProperty("files");
        var served = files.EnumerateArray().Single(static f => f.GetProperty("path").GetString() == "roles.yaml").GetProperty("text").GetString();
        var same = await ImpactAsync(server, files);
        var shipped = await ImpactAsync(server, WithRoles(files, shippedRoles));

        Assert.Equal(File.ReadAllText(roles), served);
        Assert.Equal(0, same.GetProperty("changes").GetArrayLength());
        var gained = shipped.GetProperty("changes").EnumerateArray()
            .Select(static c => $"{c.GetProperty("org").GetString()} {c.GetProperty("principal").GetString()} {c.GetProperty("action").GetString()} {c.GetProperty("before").GetString()}>{c.GetProperty("after").GetString()}");
        Assert.Contains("acme bob@acme.example agents:write deny>allow", gained);
        Assert.Equal(0, shipped.GetProperty("summary").GetProperty("lost").GetInt32());
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
