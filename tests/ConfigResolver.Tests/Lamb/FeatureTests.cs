using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Tests.Resolution;

namespace ConfigResolver.Tests.Lamb;

/// <summary><c>features</c> is an open map: known switches typed and false unless set, any other key readable with provenance.</summary>
public sealed class FeatureTests : IDisposable
{
    private readonly ResolverHarness _harness = ResolverHarness.Create(new Dictionary<string, string?> { ["SIGNUP_ENABLED"] = "true" });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Known_switches_are_typed_and_false_unless_the_organization_sets_them()
    {
        await _harness.CreateOrganizationAsync("acme", """{"version":"1.0","features":{"rag_enabled":true,"lti_publishing":false}}""");

        var config = await _harness.Resolver.ResolveAsync("acme");

        Assert.Equal((true, false, false, false, false), (config.Features.RagEnabled, config.Features.LtiPublishing, config.Features.McpEnabled, config.Features.DevMode, config.Features.SharingEnabled));
        Assert.True(config.GetFeature("rag_enabled"));
        Assert.False(config.GetFeature("mcp_enabled"));
        Assert.True(config.TryGetFeature("mcp_enabled", out var mcp));
        Assert.Equal((ConfigLayer.Default, "/features/mcp_enabled", "false"), (mcp.Layer, mcp.Provenance.Source, mcp.Value?.ToString()));
        Assert.True(config.TryGetFeature("rag_enabled", out var rag));
        Assert.Equal((ConfigLayer.Org, "/features/rag_enabled"), (rag.Layer, rag.Provenance.Source));
    }

    [Fact]
    public async Task Other_keys_resolve_with_their_type_and_provenance()
    {
        await _harness.CreateOrganizationAsync("acme", """{"version":"1.0","features":{"beta-ui":true,"max_upload_mb":20,"ratio":0.5,"theme":"dark","off":false}}""");

        var config = await _harness.Resolver.ResolveAsync("acme");

        Assert.True(config.GetFeature("beta-ui"));
        Assert.False(config.GetFeature("off"));
        Assert.False(config.GetFeature("theme"));
        Assert.True(config.TryGetFeature("max_upload_mb", out var upload));
        Assert.Equal((ConfigValueKind.Number, 20L, ConfigLayer.Org, "/features/max_upload_mb"), (upload.Value!.Kind, upload.Value.AsInt64(), upload.Layer, upload.Provenance.Source));
        Assert.True(config.TryGetFeature("ratio", out var ratio));
        Assert.Equal(0.5, ratio.Value!.AsNumber());
        Assert.True(config.TryGetFeature("theme", out var theme));
        Assert.Equal("dark", theme.Value!.AsString());
        Assert.Equal("dark", config.Values["/features/theme"].Value!.AsString());
    }

    [Fact]
    public async Task A_feature_nobody_sets_is_off_and_not_part_of_the_view()
    {
        await _harness.CreateOrganizationAsync("acme", """{"version":"1.0"}""");

        var config = await _harness.Resolver.ResolveAsync("acme");

        Assert.False(config.GetFeature("beta-ui"));
        Assert.False(config.TryGetFeature("beta-ui", out _));
        Assert.False(config.TryGetFeature("a/b~c", out _));
        Assert.False(config.TryGetFeature(new string('x', 300), out _));
    }

    [Fact]
    public async Task Another_organizations_extra_keys_do_not_leak_into_this_one()
    {
        await _harness.CreateOrganizationAsync("acme", """{"version":"1.0","features":{"beta-ui":true}}""");
        await _harness.CreateOrganizationAsync("globex", """{"version":"1.0"}""");

        var globex = await _harness.Resolver.ResolveAsync("globex");
        var acme = await _harness.Resolver.ResolveAsync("acme");

        Assert.True(acme.GetFeature("beta-ui"));
        Assert.DoesNotContain(globex.Values.Keys, static k => k == "/features/beta-ui");
    }

    [Fact]
    public async Task The_signup_environment_names_apply_to_the_system_organization_only()
    {
        await _harness.CreateOrganizationAsync("acme", """{"version":"1.0"}""");

        var system = await _harness.Resolver.ResolveSystemAsync();
        var acme = await _harness.Resolver.ResolveAsync("acme");

        Assert.Equal((true, ConfigLayer.Env, "SIGNUP_ENABLED"), (system.Features.SignupEnabled, system.Values["/features/signup_enabled"].Layer, system.Values["/features/signup_enabled"].Provenance.Source));
        Assert.Equal((false, ConfigLayer.Default), (acme.Features.SignupEnabled, acme.Values["/features/signup_enabled"].Layer));
    }

    [Fact]
    public async Task The_signup_secret_key_is_a_secret_read_for_the_system_organization()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["SIGNUP_ENABLED"] = "1", ["SIGNUP_SECRET_KEY"] = "operator-signup-2026" });
        await harness.CreateOrganizationAsync("acme", """{"version":"1.0"}""");

        var system = await harness.Resolver.ResolveSystemAsync();
        var acme = await harness.Resolver.ResolveAsync("acme");

        Assert.Equal("operator-signup-2026", system.Features.SignupKey!.Reveal());
        Assert.Equal("[redacted]", system.Values["/features/signup_key"].Value!.ToString());
        Assert.DoesNotContain("operator-signup-2026", system.ToString(), StringComparison.Ordinal);
        Assert.Null(acme.Features.SignupKey);
        Assert.Equal(ValueState.Absent, acme.Values["/features/signup_key"].State);
    }

    [Fact]
    public void A_malformed_signup_secret_key_is_an_environment_error_that_does_not_echo_it()
    {
        var exception = Assert.Throws<ConfigResolutionException>(() => ResolverHarness.Create(new Dictionary<string, string?> { ["SIGNUP_SECRET_KEY"] = "bad key!" }));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal("environment 'SIGNUP_SECRET_KEY': error CFG1030: /features/signup_key: expected 8-64 letters, digits, '_' or '-', not starting or ending with '_' or '-'; found a 8-character value.", diagnostic.ToString());
    }
}
