using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    private const string Token = "serve-test-token-0123456789";

    [Fact]
    public async Task Serves_config_check_health_and_metrics_on_loopback_with_the_token()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        sandbox.Write("token.txt", Token + "\n");
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--token-file", "token.txt");

        var config = await SendAsync(server, HttpMethod.Get, "/v1/orgs/acme/config");
        var check = await SendAsync(server, HttpMethod.Post, "/v1/check", """{"user":"bob@acme.example","org":"acme","action":"agents:delete","explain":true}""");
        var noToken = await server.Client.GetAsync("/v1/orgs/acme/config");
        var health = await server.Client.GetAsync("/healthz");
        var metrics = await server.Client.GetStringAsync("/metrics");
        var resolved = sandbox.Run("--db", db, "resolve", "--org", "acme", "--json");

        Assert.Equal(HttpStatusCode.OK, config.Status);
        Assert.Equal(resolved.Stdout, config.Body);
        Assert.DoesNotContain("sk-acme-own-key", config.Body, StringComparison.Ordinal);
        var decision = JsonDocument.Parse(check.Body).RootElement;
        Assert.False(decision.GetProperty("allowed").GetBoolean());
        Assert.Equal("missing_role", decision.GetProperty("reason").GetString());
        Assert.DoesNotContain("cfgr-serve-", check.Body, StringComparison.Ordinal);
        Assert.Contains("bob@acme.example", check.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("configresolver_change_feed_up 1", metrics, StringComparison.Ordinal);
        Assert.Equal(0, await server.StopAsync());
        Assert.EndsWith("cfgr serve: stopped\n", server.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, server.Stdout + server.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "{\"user\": ", "$" },
        { """{"user":"bob@acme.example","org":"acme","action":"agents:read","verbose":true}""", "$.verbose" },
        { "{\"user\":\"" + new string('x', 1_100_000) + "\"}", "$" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_json_unknown_fields_and_oversized_bodies_are_400_without_a_stack_trace(string body, string path)
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db);

        var response = await SendAsync(server, HttpMethod.Post, "/v1/check", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(path, JsonDocument.Parse(response.Body).RootElement.GetProperty("path").GetString());
        Assert.DoesNotContain(" at ConfigResolver", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_lets_an_in_flight_request_finish_and_exits_0()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db);
        var body = new SlowContent("""{"user":"ann@acme.example","org":"acme","action":"agents:delete"}""");

        var inFlight = server.Client.PostAsync("/v1/check", body);
        await body.HalfSent.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = server.StopAsync();
        await Task.Delay(300);
        body.SendRest();
        var response = await inFlight;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("allowed").GetBoolean());
        Assert.Equal(0, await stopping);
    }

    [Fact]
    public void A_non_loopback_address_is_refused_unless_allowed()
    {
        using var sandbox = new CliSandbox();

        var result = sandbox.Run("serve", "--urls", "http://0.0.0.0:8181");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'http://0.0.0.0:8181' is not a loopback address; cfgr serve listens on loopback unless '--allow-remote' is given.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce_answers_from_the_casbin_model_given_at_start()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        var model = sandbox.CopyFromCorpus("models/basic_model.conf");
        var policy = sandbox.CopyFromCorpus("policies/basic_policy.csv");
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--model", model, "--policy", policy);

        var one = await SendAsync(server, HttpMethod.Post, "/v1/enforce", """{"request":["alice","data1","read"]}""");
        var many = await SendAsync(server, HttpMethod.Post, "/v1/enforce/batch", """{"requests":[["alice","data1","read"],["alice","data2","write"]]}""");

        Assert.Equal("""{"allowed":true}""", one.Body);
        Assert.Equal("""{"allowed":[true,false]}""", many.Body);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(RunningServer server, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await server.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A request body sent in two halves, the second only when the test says so.</summary>
    private sealed class SlowContent(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HalfSent => _halfSent.Task;

        public void SendRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _bytes.Length / 2;
            await stream.WriteAsync(_bytes.AsMemory(0, half));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
