namespace ConfigResolver.Tests.Resolution;

/// <summary>A top-level <c>$schema</c> key (for editors) is accepted on write and plays no part in resolution.</summary>
public sealed class SchemaKeyTests : IDisposable
{
    private const string Body = """
        "version": 1,
        "setups": { "default": { "providers": { "openai": { "models": ["gpt-4o"], "default_model": "gpt-4o" } } } }
        """;

    private readonly ResolverHarness _harness = ResolverHarness.Create();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_document_with_a_schema_key_resolves_exactly_like_the_same_document_without_it()
    {
        await _harness.CreateOrganizationAsync("plain", "{" + Body + "}");
        var annotated = await _harness.CreateOrganizationAsync("annotated", """{ "$schema": "./org-config.schema.json", """ + Body + "}");

        var plain = await _harness.Resolver.ResolveAsync("plain");
        var withKey = await _harness.Resolver.ResolveAsync("annotated");

        Assert.Equal(
            plain.AllValues.Select(static v => $"{v.Pointer}={v.Value} {v.Provenance}"),
            withKey.AllValues.Select(static v => $"{v.Pointer}={v.Value} {v.Provenance}"));
        Assert.DoesNotContain(withKey.AllValues, static v => v.Pointer.Contains("schema", StringComparison.Ordinal));
        Assert.Contains("\"$schema\"", annotated.Config.RevealJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_key_is_kept_when_a_document_is_replaced()
    {
        await _harness.CreateOrganizationAsync("acme");

        var updated = await _harness.Admin.SetConfigAsync("acme", """{ "$schema": "https://example.com/org-config.schema.json", "version": 1 }""");

        Assert.Contains("https://example.com/org-config.schema.json", updated.Config.RevealJson(), StringComparison.Ordinal);
        Assert.True(updated.Config.SetupNames.IsEmpty);
    }
}
