using ConfigResolver.Resolution;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Tests.Resolution;

/// <summary>No rendering of a configuration, its provenance, an entity or an error shows a secret.</summary>
public sealed class SecretRedactionTests
{
    private static readonly string[] Secrets = ["sk-acme-own-key", "sk-operator-env", "kb-operator-token", "join-acme-2026", "sk-operator-system"];

    [Fact]
    public async Task No_rendering_of_a_resolved_configuration_contains_a_secret()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-operator-env", ["LAMB_KB_SERVER_TOKEN"] = "kb-operator-token" });
        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"default":{"providers":{"anthropic":{"api_key":"sk-operator-system"}}}}}""");
        var organization = await harness.CreateOrganizationAsync("acme", """
            {"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-own-key"}}}},
             "features":{"signup_enabled":true,"signup_key":"join-acme-2026"},
             "inheritance":{"kb_server":{"share_api_key":true}}}
            """);
        var config = await harness.Resolver.ResolveAsync("acme");
        Assert.Equal("kb-operator-token", config.KbServer.ApiKey?.Reveal());

        var renderings = new List<string>
        {
            config.ToString(),
            TenantConfigJson.Serialize(config, explain: true),
            config.KbServer.ToString(),
            config.Features.ToString(),
            organization.ToString(),
            organization.Config.ToString(),
            organization.Config.ToRedactedJson(indented: true),
        };
        renderings.AddRange(config.Providers.Values.Select(p => p.ToString()));
        renderings.AddRange(config.AllValues.Select(v => v.ToString()));
        renderings.AddRange(config.AllValues.SelectMany(v => v.Provenance.Shadowed).Select(s => s.ToString()));

        Assert.All(renderings, AssertNoSecret);
    }

    [Fact]
    public async Task Rejections_and_logs_never_contain_a_secret()
    {
        var logs = new ListLogger();
        using var harness = ResolverHarness.Create();
        var admin = new TenantAdministration(harness.Store, harness.Time, logs);
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = """{"version":1,"features":{"signup_enabled":true,"signup_key":"join-acme-2026"}}""" });

        var exceptions = new List<Exception>
        {
            await Assert.ThrowsAsync<TenantValidationException>(() => admin.SetConfigAsync("acme", """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-own-key","enabled":"x"}}}},"apikey":"sk-operator-env"}""")),
            await Assert.ThrowsAsync<TenantValidationException>(() => admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "copy", Name = "Copy", ConfigJson = """{"version":1,"features":{"signup_key":"join-acme-2026"}}""" })),
            await Assert.ThrowsAsync<TenantValidationException>(() => admin.SetConfigAsync("acme", """{"version":1,"features":{"signup_key":"_sk-operator-system"}}""")),
            await Assert.ThrowsAsync<TenantValidationException>(() => admin.SetConfigAsync("acme", """{"version":1,"setups":{"default":{"kb_server":{"api_key":"kb-operator-token","url":"nope"}}}""")),
        };

        Assert.All(exceptions.Select(e => e.ToString()), AssertNoSecret);
        Assert.NotEmpty(logs.Messages);
        Assert.All(logs.Messages, AssertNoSecret);
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private sealed class ListLogger : ILogger<TenantAdministration>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
