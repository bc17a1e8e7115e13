using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigResolver.Playground.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.Playground.Tests;

/// <summary>The playground's JSON endpoints over HTTP, on a real Kestrel server: lint positions, tests, check, impact, and bounds.</summary>
public sealed class PlaygroundApiTests : IAsyncLifetime, IDisposable
{
    private PlaygroundHost _host = null!;
    private HttpClient _client = null!;
    private JsonArray _files = null!;

    public async Task InitializeAsync()
    {
        _host = await PlaygroundHost.StartAsync();
        _client = new HttpClient { BaseAddress = _host.BaseAddress };
        using var files = await _client.GetAsync("api/files");
        var body = await files.Content.ReadAsStringAsync();
        Assert.True(files.IsSuccessStatusCode, $"api/files answered {(int)files.StatusCode}: {body}");
        _files = (JsonNode.Parse(body)!["files"] as JsonArray)!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task The_page_and_its_assets_are_served_from_the_assembly()
    {
        var page = await _client.GetStringAsync(string.Empty);
        var script = await _client.GetAsync("playground.js");

        Assert.Contains("<textarea id=\"source\"", page, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("other.js")).StatusCode);
        Assert.Contains(_files, static f => f!["path"]!.GetValue<string>() == "roles.yaml");
    }

    [Fact]
    public async Task Lint_reports_an_error_at_its_file_line_and_column()
    {
        var result = await PostAsync("lint", Edit("roles.yaml", "inherits: [viewer]", "inherits: [viewr]"));

        Assert.False(result.GetProperty("ok").GetBoolean());
        var diagnostic = result.GetProperty("diagnostics").EnumerateArray().First();
        Assert.Equal("roles.yaml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(LineOf("roles.yaml", "inherits: [viewer]"), diagnostic.GetProperty("line").GetInt32());
        Assert.True(diagnostic.GetProperty("column").GetInt32() > 1);
        Assert.True((await PostAsync("lint", _files)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Test_runs_the_working_copy_suites()
    {
        var passing = await PostAsync("test", _files);
        var failing = await PostAsync("test", Edit("roles.yaml", "      - messages:create\n", string.Empty));

        Assert.Equal((true, 0), (passing.GetProperty("ok").GetBoolean(), passing.GetProperty("failed").GetInt32()));
        Assert.True(passing.GetProperty("passed").GetInt32() > 10);
        Assert.Contains(failing.GetProperty("cases").EnumerateArray(), static c => !c.GetProperty("passed").GetBoolean() && c.GetProperty("name").GetString() == "member chats with agents");
    }

    [Fact]
    public async Task Check_answers_with_the_explanation_of_the_working_copy()
    {
        var allowed = await PostAsync("check", _files, new { principal = "mia@acme.example", org = "acme", action = "agents:write" });
        var denied = await PostAsync("check", Edit("roles.yaml", "      - agents:write\n", string.Empty), new { principal = "mia@acme.example", org = "acme", action = "agents:write" });
        var unknown = await _client.PostAsJsonAsync("api/check", new { files = _files, check = new { principal = "nobody@x", org = "acme", action = "agents:write" } });

        Assert.Equal("allow", allowed.GetProperty("decision").GetString());
        Assert.Contains("role 'member' in organization 'acme' grants 'agents:write'", allowed.GetProperty("reasons").EnumerateArray().Select(static r => r.GetString()));
        Assert.Equal("deny", denied.GetProperty("decision").GetString());
        Assert.StartsWith("missing role", denied.GetProperty("why_not").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Impact_lists_the_members_who_lose_a_scope_against_the_serving_policy()
    {
        var none = await PostAsync("impact", _files);
        var lost = await PostAsync("impact", Edit("roles.yaml", "      - agents:write\n", string.Empty));

        Assert.Equal(0, none.GetProperty("changes").GetArrayLength());
        Assert.Equal(
            [("acme", "mia@acme.example"), ("beta", "mia@acme.example")],
            lost.GetProperty("changes").EnumerateArray().Select(static c => (c.GetProperty("org").GetString(), c.GetProperty("principal").GetString())));
        Assert.Equal(2, lost.GetProperty("summary").GetProperty("lost").GetInt32());
    }

    [Fact]
    public async Task Malformed_and_oversized_requests_are_refused_with_a_message()
    {
        var malformed = await _client.PostAsync("api/lint", new StringContent("{\"files\":", System.Text.Encoding.UTF8, "application/json"));
        var empty = await _client.PostAsJsonAsync("api/lint", new { files = Array.Empty<object>() });
        var huge = await _client.PostAsJsonAsync("api/lint", new { files = new[] { new { path = "roles.yaml", text = new string('#', 2 << 20) } } });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task A_form_post_or_a_foreign_host_name_is_refused()
    {
        var form = await _client.PostAsync("api/lint", new StringContent("{\"files\":[]}", System.Text.Encoding.UTF8, "text/plain"));
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "api/files");
        rebound.Headers.Host = "attacker.example";
        var foreign = await _client.SendAsync(rebound);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("api/files")).StatusCode);
    }

    [Theory]
    [InlineData("localhost:8181", true)]
    [InlineData("127.0.0.1:8181", true)]
    [InlineData("[::1]:8181", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("attacker.example:8181", false)]
    [InlineData("127.0.0.1.nip.io", false)]
    [InlineData("", false)]
    public void Only_loopback_host_names_are_served(string host, bool served)
    {
        Assert.Equal(served, PolicyPlaygroundEndpoints.IsLoopbackHost(new HostString(host)));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.7", false)]
    public void Only_loopback_addresses_are_served(string address, bool served)
    {
        Assert.Equal(served, PolicyPlaygroundEndpoints.IsLoopback(IPAddress.Parse(address)));
    }

    private async Task<JsonElement> PostAsync(string name, JsonArray files, object? check = null)
    {
        using var response = await _client.PostAsJsonAsync("api/" + name, new { files, check });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private JsonArray Edit(string path, string from, string to)
    {
        var copy = (JsonArray)_files.DeepClone();
        var file = copy.Single(f => f!["path"]!.GetValue<string>() == path)!;
        var text = file["text"]!.GetValue<string>();
        Assert.Contains(from, text, StringComparison.Ordinal);
        var at = text.IndexOf(from, text.IndexOf("\n  member:\n", StringComparison.Ordinal), StringComparison.Ordinal);
        file["text"] = text.Remove(at, from.Length).Insert(at, to);
        return copy;
    }

    private int LineOf(string path, string text)
    {
        var content = _files.Single(f => f!["path"]!.GetValue<string>() == path)!["text"]!.GetValue<string>();
        var at = content.IndexOf(text, content.IndexOf("\n  member:\n", StringComparison.Ordinal), StringComparison.Ordinal);
        return content[..at].Count(static c => c == '\n') + 1;
    }
}
