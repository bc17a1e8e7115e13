using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.AspNetCore.Tests;

public sealed class ApiTests
{
    private const string Token = "s3cret-token-for-tests";

    [Fact]
    public async Task Check_answers_allowed_reason_and_revision_and_explains_on_request()
    {
        await using var app = await TestApp.StartAsync(api: new ConfigResolverApiOptions { BearerToken = Token });

        var allowed = await PostAsync(app, "/v1/check", """{"user":"alice@acme.example","org":"acme","action":"agents:delete"}""");
        var denied = await PostAsync(app, "/v1/check", $$"""{"user":"{{app.Victor.Id}}","org":"acme","action":"agents:delete","explain":true}""");

        Assert.Matches("""^\{"allowed":true,"reason":"allowed","revision":[0-9]+\}$""", allowed.Body);
        var json = JsonDocument.Parse(denied.Body).RootElement;
        Assert.False(json.GetProperty("allowed").GetBoolean());
        Assert.Equal("missing_role", json.GetProperty("reason").GetString());
        Assert.StartsWith("missing role", json.GetProperty("explanation").GetProperty("why_not").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "/v1/check", """{"user":"alice@acme.example","org":"acme","action":"a:b","colour":"red"}""", "$.colour" },
        { "/v1/check", """{"user":"alice@acme.example","org":"acme","action":"a:b","context":{"time":"yesterday"}}""", "$.context.time" },
        { "/v1/check", """{"user":"alice@acme.example","org":"acme","action":"a:b","context":{"ip":"1.2.3.4"}}""", "$.context.ip" },
        { "/v1/check", """{"user":"alice@acme.example","org":"acme"}""", "$.action" },
        { "/v1/check", """{"user":"alice@acme.example","org":"acme","action":42}""", "$.action" },
        { "/v1/check", """{"user":""", "$" },
        { "/v1/check", "[1,2]", "$" },
        { "/v1/enforce", """{"request":"alice"}""", "$.request" },
        { "/v1/enforce", """{"request":["alice","data1","read"],"extra":true}""", "$.extra" },
        { "/v1/enforce/batch", """{"requests":[["alice","data1","read"],"bob"]}""", "$.requests[1]" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_are_400_problem_details_naming_the_json_path(string path, string body, string jsonPath)
    {
        await using var app = await TestApp.StartAsync(api: new ConfigResolverApiOptions { BearerToken = Token, Enforcer = BasicEnforcer() });

        var (status, text) = await PostAsync(app, path, body);
        var problem = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(jsonPath, problem.GetProperty("path").GetString());
        Assert.StartsWith(jsonPath + ": ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("expected", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_400()
    {
        await using var app = await TestApp.StartAsync(api: new ConfigResolverApiOptions { BearerToken = Token });
        var body = "{\"user\":\"" + new string('a', ConfigResolverApiOptions.DefaultMaxRequestBodyBytes) + "\"}";

        var (status, text) = await PostAsync(app, "/v1/check", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 1048576 bytes", text, StringComparison.Ordinal);
    }

    public static TheoryData<string?> BadTokens => new() { null, "Bearer wrong", "Bearer " + Token + "x", "Basic " + Token, Token };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Every_v1_call_needs_the_bearer_token(string? authorization)
    {
        await using var app = await TestApp.StartAsync(api: new ConfigResolverApiOptions { BearerToken = Token });
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/orgs/acme/config");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.Client.SendAsync(request);
        var health = await app.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Config_is_the_resolve_json_with_secrets_redacted()
    {
        await using var app = await TestApp.StartAsync(api: new ConfigResolverApiOptions { BearerToken = Token });
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/orgs/acme/config?explain=true");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var values = JsonDocument.Parse(body).RootElement.GetProperty("values");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gpt-4o", values.GetProperty("/providers/openai/default_model").GetProperty("value").GetString());
        Assert.True(values.GetProperty("/providers/openai/default_model").TryGetProperty("shadowed", out _));
        Assert.DoesNotContain("sk-test-secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce_and_batch_answer_from_the_casbin_model()
    {
        await using var app = await TestApp.StartAsync(api: new ConfigResolverApiOptions { Enforcer = BasicEnforcer() });

        var one = await PostAsync(app, "/v1/enforce", """{"request":["alice","data1","read"]}""");
        var many = await PostAsync(app, "/v1/enforce/batch", """{"requests":[["alice","data1","read"],["alice","data1","write"],["bob","data2","write"]]}""");

        Assert.Equal("""{"allowed":true}""", one.Body);
        Assert.Equal("""{"allowed":[true,false,true]}""", many.Body);
    }

    [Fact]
    public async Task Healthz_and_metrics_are_served()
    {
        await using var app = await TestApp.StartAsync();

        var health = JsonDocument.Parse(await app.Client.GetStringAsync("/healthz")).RootElement;
        var metrics = await app.Client.GetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("configresolver_store").GetProperty("status").GetString());
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE configresolver_change_feed_revision gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("\nconfigresolver_change_feed_up 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_of_one_host_do_not_add_up_another_host_in_the_same_process()
    {
        await using var first = await TestApp.StartAsync();
        await using var second = await TestApp.StartAsync();

        var text = await first.Client.GetStringAsync("/metrics");

        // Each host's meter has the same name; summed, the gauge would read 2.
        Assert.Contains("\nconfigresolver_change_feed_up 1\n", text, StringComparison.Ordinal);
    }

    private static Enforcer BasicEnforcer()
    {
        var model = PolicyModel.Parse("""
            [request_definition]
            r = sub, obj, act
            [policy_definition]
            p = sub, obj, act
            [policy_effect]
            e = some(where (p.eft == allow))
            [matchers]
            m = r.sub == p.sub && r.obj == p.obj && r.act == p.act
            """, "model.conf");
        return new Enforcer(model, PolicyCsv.Parse("p, alice, data1, read\np, bob, data2, write\n", "policy.csv", []), "policy.csv");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(TestApp app, string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var response = await app.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
