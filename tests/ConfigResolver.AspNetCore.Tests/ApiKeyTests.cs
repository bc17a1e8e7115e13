using System.Net;
using System.Text.Json;
using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.AspNetCore.Tests;

/// <summary>RequirePermission for a request that presents an API key (X-Api-Key) instead of an authenticated user.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_acts_with_its_scopes_in_its_organization_and_is_refused_once_revoked()
    {
        await using var app = await TestApp.StartAsync();
        var (keys, key) = await CreateKeyAsync(app, "acme", ["agents:write"]);

        var allowed = await app.Client.SendAsync(WithKey("/orgs/acme/agents", key.Secret.Reveal()));
        var outOfScope = await app.Client.SendAsync(WithKey("/agents", key.Secret.Reveal(), org: "acme"));
        var otherOrg = await app.Client.SendAsync(WithKey("/orgs/globex/agents", key.Secret.Reveal()));
        await keys.RevokeApiKeyAsync("acme", key.Key.Id.ToString("D"));
        await app.Services.GetRequiredService<ConfigResolverRuntime>().Authorization!.WhenChangesAppliedAsync();
        var revoked = await ReadAsync(await app.Client.SendAsync(WithKey("/orgs/acme/agents", key.Secret.Reveal())));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("acme", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrg.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "revoked_api_key"), (revoked.Status, revoked.Problem.GetProperty("reason").GetString()));
        Assert.DoesNotContain(key.Secret.Reveal(), revoked.Body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadKeys => new()
    {
        { "not-a-key", "invalid_api_key" },
        { "cfgr_AAAAAAAAAAAA_" + new string('B', 52), "invalid_api_key" },
        { "cfgr_short", "invalid_api_key" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_malformed_or_unknown_key_is_401_naming_the_problem_and_never_the_key(string presented, string reason)
    {
        await using var app = await TestApp.StartAsync();

        var response = await ReadAsync(await app.Client.SendAsync(WithKey("/orgs/acme/agents", presented)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(reason, response.Problem.GetProperty("reason").GetString());
        Assert.DoesNotContain(presented, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticated_user_is_mapped_from_claims_and_the_key_header_is_ignored()
    {
        await using var app = await TestApp.StartAsync();
        var (_, key) = await CreateKeyAsync(app, "acme", ["agents:write"]);
        using var request = TestApp.Request(HttpMethod.Get, "/orgs/acme/agents", app.Victor);
        request.Headers.Add("X-Api-Key", key.Secret.Reveal());

        var response = await app.Client.SendAsync(request);

        // Victor is a viewer: his own identity decides, not the key's agents:write.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_header_name_is_configurable_and_null_turns_keys_off()
    {
        await using var renamed = await TestApp.StartAsync(o => o.ApiKeyHeader = "X-Acme-Key");
        var (_, key) = await CreateKeyAsync(renamed, "acme", ["agents:write"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orgs/acme/agents");
        request.Headers.Add("X-Acme-Key", key.Secret.Reveal());
        await using var off = await TestApp.StartAsync(o => o.ApiKeyHeader = null);
        var (_, offKey) = await CreateKeyAsync(off, "acme", ["agents:write"]);

        var viaRenamed = await renamed.Client.SendAsync(request);
        var viaDefaultWhenOff = await ReadAsync(await off.Client.SendAsync(WithKey("/orgs/acme/agents", offKey.Secret.Reveal())));

        Assert.Equal(HttpStatusCode.OK, viaRenamed.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "no_user"), (viaDefaultWhenOff.Status, viaDefaultWhenOff.Problem.GetProperty("reason").GetString()));
    }

    private static async Task<(ApiKeyService Keys, CreatedApiKey Key)> CreateKeyAsync(TestApp app, string org, string[] scopes)
    {
        var runtime = app.Services.GetRequiredService<ConfigResolverRuntime>();
        var keys = new ApiKeyService(runtime.Store, () => runtime.Authorization!.Current);
        var key = await keys.CreateApiKeyAsync(org, Principal.ForUser(app.Alice.Id), "ci", scopes);
        await runtime.Authorization!.WhenChangesAppliedAsync();
        return (keys, key);
    }

    private static HttpRequestMessage WithKey(string path, string key, string? org = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        if (org is not null)
        {
            request.Headers.Add("X-Org", org);
        }

        return request;
    }

    private static async Task<(HttpStatusCode Status, string Body, JsonElement Problem)> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, JsonDocument.Parse(body).RootElement);
    }
}
