using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Configuration;

public sealed class OrgConfigDocumentTests
{
    private const string Json = """
        {
          "version": 1,
          "setups": {
            "default": { "providers": { "openai": { "api_key": "sk-org-abcdef", "models": ["gpt-4o", "gpt-4o-mini"], "default_model": "gpt-4o" } } },
            "research": { "inherits": "default", "providers": { "openai": { "default_model": "gpt-4o-mini" } } },
            "isolated": { "providers": { "ollama": { "base_url": "http://ollama:11434" } } }
          },
          "features": { "signup_enabled": true, "signup_key": "join-acme-2026" }
        }
        """;

    [Fact]
    public void Redacted_json_hides_every_api_key_and_signup_key()
    {
        var document = OrgConfigDocument.Parse(Json);

        Assert.DoesNotContain("sk-org-abcdef", document.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("join-acme-2026", document.ToRedactedJson(indented: true), StringComparison.Ordinal);
        Assert.Equal(2, document.ToString().Split("[redacted]").Length - 1);
        Assert.Contains("sk-org-abcdef", document.RevealJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_differing_only_in_whitespace_are_equal()
    {
        var compact = OrgConfigDocument.Parse("""{"version":1,"metadata":{"description":"d"}}""");
        var spaced = OrgConfigDocument.Parse("{ \"version\" : 1,\n \"metadata\" : { \"description\" : \"d\" } }");

        Assert.Equal(compact, spaced);
        Assert.Equal(compact.RevealJson(), spaced.RevealJson());
        Assert.NotEqual(compact, OrgConfigDocument.Parse("""{"version":1,"metadata":{"description":"e"}}"""));
    }

    [Fact]
    public void A_setup_that_inherits_default_sees_defaults_values_beneath_its_own()
    {
        var document = OrgConfigDocument.Parse(Json);
        var research = document.GetLayer("research");

        Assert.Equal("gpt-4o-mini", research.Values["/providers/openai/default_model"].Value.AsString());
        Assert.Equal("/setups/research/providers/openai/default_model", research.Values["/providers/openai/default_model"].Source);
        Assert.Equal("/setups/default/providers/openai/api_key", research.Values["/providers/openai/api_key"].Source);
        Assert.False(document.GetLayer("isolated").TryGet("/providers/openai/api_key", out _));
        Assert.Same(document.GetLayer("default"), document.GetLayer("not-defined"));
    }

    [Fact]
    public void Signup_settings_and_setup_names_are_exposed()
    {
        var document = OrgConfigDocument.Parse(Json);

        Assert.True(document.SignupEnabled);
        Assert.Equal("join-acme-2026", document.SignupKey?.Reveal());
        Assert.Equal(SignupKeyHash.Compute("join-acme-2026"), document.SignupKeyHash);
        Assert.Equal(["default", "isolated", "research"], document.SetupNames.ToArray());
    }

    [Fact]
    public void Parse_of_an_invalid_document_throws_with_every_diagnostic()
    {
        var exception = Assert.Throws<TenantValidationException>(() => OrgConfigDocument.Parse("""{"version":3,"colour":1}""", "org 'acme'"));

        Assert.Equal([DiagnosticCodes.UnknownProperty, DiagnosticCodes.UnsupportedVersion], exception.Diagnostics.Select(d => d.Code).Order());
        Assert.All(exception.Diagnostics, d => Assert.Equal("org 'acme'", d.Where));
    }

    [Fact]
    public void Stored_json_is_read_without_schema_validation_but_must_be_an_object()
    {
        var lenient = OrgConfigDocument.FromStoredJson("""{"version":1,"legacy_field":true}""");

        Assert.Equal(1, lenient.Version);
        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(Assert.Throws<TenantValidationException>(() => OrgConfigDocument.FromStoredJson("[1]")).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(Assert.Throws<TenantValidationException>(() => OrgConfigDocument.FromStoredJson("{")).Diagnostics).Code);
    }

    [Fact]
    public void Sharing_opt_ins_are_read_per_provider_and_for_the_kb_server()
    {
        var document = OrgConfigDocument.Parse("""{"version":1,"inheritance":{"providers":{"openai":{"share_api_key":true},"ollama":{"share_api_key":false}},"kb_server":{"share_api_key":true}}}""");

        Assert.True(document.SharesProviderApiKey("openai"));
        Assert.False(document.SharesProviderApiKey("ollama"));
        Assert.False(document.SharesProviderApiKey("anthropic"));
        Assert.True(document.SharesKbServerApiKey);
        Assert.False(OrgConfigDocument.Empty.SharesKbServerApiKey);
    }
}
