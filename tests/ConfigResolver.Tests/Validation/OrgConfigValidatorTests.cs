using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Validation;

public sealed class OrgConfigValidatorTests
{
    private const string Where = "org 'acme'";

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        // Schema: unknown keys, missing and wrong types.
        { """{"version":1,"colour":"red"}""", DiagnosticCodes.UnknownProperty, "/colour" },
        { """{"setups":{}}""", DiagnosticCodes.MissingProperty, "/version" },
        { """{"version":2}""", DiagnosticCodes.UnsupportedVersion, "/version" },
        { """{"version":"1"}""", DiagnosticCodes.UnsupportedVersion, "/version" },
        { """{"version":"2.0"}""", DiagnosticCodes.UnsupportedVersion, "/version" },
        { """[1,2]""", DiagnosticCodes.WrongType, "" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":"yes"}}}}}""", DiagnosticCodes.WrongType, "/setups/default/providers/openai/enabled" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":42}}}}}""", DiagnosticCodes.WrongType, "/setups/default/providers/openai/api_key" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":"gpt-4o"}}}}}""", DiagnosticCodes.WrongType, "/setups/default/providers/openai/models" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["a",7]}}}}}""", DiagnosticCodes.WrongType, "/setups/default/providers/openai/models/1" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["a","a"]}}}}}""", DiagnosticCodes.ConstraintViolated, "/setups/default/providers/openai/models" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"apikey":"sk-x"}}}}}""", DiagnosticCodes.UnknownProperty, "/setups/default/providers/openai/apikey" },
        { """{"version":1,"setups":{"default":{"providers":{"Open.AI":{}}}}}""", DiagnosticCodes.UnknownProperty, "/setups/default/providers/Open.AI" },
        { """{"version":1,"setups":{"Prod":{}}}""", DiagnosticCodes.UnknownProperty, "/setups/Prod" },
        { """{"version":1,"setups":{"default":{"kb_server":{"tokn":"t"}}}}""", DiagnosticCodes.UnknownProperty, "/setups/default/kb_server/tokn" },
        { """{"version":1,"inheritance":{"providers":{"openai":{"share_key":true}}}}""", DiagnosticCodes.UnknownProperty, "/inheritance/providers/openai/share_key" },
        { """{"version":1,"metadata":{"contact_email":"nope"}}""", DiagnosticCodes.ConstraintViolated, "/metadata/contact_email" },
        { """{"$schema":42,"version":1}""", DiagnosticCodes.WrongType, "/$schema" },

        // URLs.
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"localhost:8080"}}}}}""", DiagnosticCodes.InvalidUrl, "/setups/default/providers/openai/base_url" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"ftp://files.example.com"}}}}}""", DiagnosticCodes.InvalidUrl, "/setups/default/providers/openai/base_url" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"http://"}}}}}""", DiagnosticCodes.InvalidUrl, "/setups/default/providers/openai/base_url" },
        { """{"version":1,"setups":{"default":{"kb_server":{"url":"kb server"}}}}""", DiagnosticCodes.InvalidUrl, "/setups/default/kb_server/url" },

        // Checks a schema cannot express.
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["gpt-4o"],"default_model":"gpt-5"}}}}}""", DiagnosticCodes.DefaultModelNotInModels, "/setups/default/providers/openai/default_model" },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["gpt-4o"]}}},"research":{"inherits":"default","providers":{"openai":{"default_model":"o3"}}}}}""", DiagnosticCodes.DefaultModelNotInModels, "/setups/research/providers/openai/default_model" },
        { """{"version":1,"setups":{"research":{"inherits":"prod"}}}""", DiagnosticCodes.InvalidSetupInheritance, "/setups/research/inherits" },
        { """{"version":1,"setups":{"default":{"inherits":"default"}}}""", DiagnosticCodes.InvalidSetupInheritance, "/setups/default/inherits" },
        { """{"version":1,"features":{"signup_key":"short"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { """{"version":1,"features":{"signup_key":"_starts-with-underscore"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { """{"version":1,"features":{"signup_key":"ends-with-hyphen-"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { """{"version":1,"features":{"signup_key":"has space inside"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { """{"version":1,"features":{"signup_key":"ключ-доступа-1"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { "{\"version\":1,\"features\":{\"signup_key\":\"" + new string('k', 65) + "\"}}", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { """{"version":1,"features":{"signup_enabled":true}}""", DiagnosticCodes.SignupKeyRequired, "/features/signup_key" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Bad_document_is_rejected_with_the_code_at_the_pointer(string json, string code, string jsonPointer)
    {
        var result = OrgConfigValidator.Validate(json, Where);

        Assert.False(result.IsValid);
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == code && d.Pointer == jsonPointer);
        Assert.Equal(Where, diagnostic.Where);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [InlineData("{\"version\":1,", 1, 13)]
    [InlineData("{\n  \"version\": 1,\n  \"setups\": ,\n}", 3, 13)]
    [InlineData("{\"version\":1,\"version\":1}", 1, 14)]
    [InlineData("{\"version\":1} // note", 1, 15)]
    [InlineData("", 1, 1)]
    public void Invalid_json_is_one_diagnostic_with_line_and_column(string json, int line, int column)
    {
        var result = OrgConfigValidator.Validate(json, Where);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, diagnostic.Code);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("error CFG1001: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_without_a_pointer_renders_its_position()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("{\n  \"version\": 1,\n  \"setups\": ,\n}", Where).Diagnostics);

        Assert.StartsWith("org 'acme': line 3, column 13: error CFG1001: invalid JSON: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_property_is_invalid_json_located_by_pointer_line_and_column()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("{\"version\":1,\n \"setups\":{\"default\":{},\n  \"default\":{}}}", Where).Diagnostics);

        Assert.Equal((DiagnosticCodes.InvalidJson, "/setups/default", 3, 3), (diagnostic.Code, diagnostic.Pointer, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        const string json = """
            {
              "version": 1,
              "setups": {
                "default": {
                  "providers": {
                    "openai": { "base_url": "localhost:8080", "enabled": "yes", "models": ["a"], "default_model": "b" }
                  }
                }
              },
              "features": { "signup_enabled": true },
              "colour": "red"
            }
            """;

        var diagnostics = OrgConfigValidator.Validate(json, Where).Diagnostics;

        Assert.Equal(
            [DiagnosticCodes.InvalidUrl, DiagnosticCodes.WrongType, DiagnosticCodes.DefaultModelNotInModels, DiagnosticCodes.SignupKeyRequired, DiagnosticCodes.UnknownProperty],
            diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.NotNull(d.Line));
        Assert.Equal(diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).Select(d => d.Code), diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Bad_url_diagnostic_says_what_was_expected_and_what_was_found()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"localhost:8080"}}}}}""", Where).Diagnostics);

        Assert.Equal("an absolute http or https URL", diagnostic.Expected);
        Assert.Equal("'localhost:8080'", diagnostic.Actual);
        Assert.Equal(
            "org 'acme': error CFG1003: /setups/default/providers/openai/base_url: expected an absolute http or https URL; found 'localhost:8080'.",
            diagnostic.ToString());
    }

    [Fact]
    public void Unknown_property_lists_the_known_ones()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"colour":"red"}""", Where).Diagnostics);

        Assert.Equal("unknown property 'colour'; expected one of '$schema', 'version', 'setups', 'kb_server', 'assistant_defaults', 'library', 'limits', 'features', 'metadata', 'inheritance'.", diagnostic.Message);
    }

    [Theory]
    [InlineData("""{"version":1,"features":{"signup_key":"_sk_LIVE_SECRET_9"}}""", "_sk_LIVE_SECRET_9")]
    [InlineData("""{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"","base_url":"x"}}}}}""", "sk-never-there")]
    [InlineData("""{"version":1,"features":{"signup_key":"TOPSECRET"},"setups":{"default":{"kb_server":{"api_key":["TOPSECRET-KB"]}}}}""", "TOPSECRET")]
    public void Secret_values_are_never_echoed_only_described_by_length(string json, string secret)
    {
        var diagnostics = OrgConfigValidator.Validate(json, Where).Diagnostics;

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.DoesNotContain(secret, d.ToString(), StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.DoesNotContain(secret, d.Actual ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_signup_key_is_described_by_its_length()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"features":{"signup_key":"_bad-key-123"}}""", Where).Diagnostics);

        Assert.Equal("a 12-character value", diagnostic.Actual);
    }

    [Fact]
    public void Complete_valid_document_has_no_diagnostics()
    {
        const string json = """
            {
              "version": 1,
              "setups": {
                "default": {
                  "providers": {
                    "openai": { "enabled": true, "api_key": "sk-1", "base_url": "https://api.openai.com/v1", "models": ["gpt-4o", "gpt-4o-mini"], "default_model": "gpt-4o" },
                    "ollama": { "enabled": false },
                    "my-llm": { "base_url": "http://10.0.0.5:8000/v1" }
                  },
                  "kb_server": { "url": "https://kb.example.com", "api_key": "kb-1" },
                  "assistant_defaults": { "prompt_template": "{user_input}", "system_prompt": "Be brief.", "default_provider": "openai", "default_model": "gpt-4o", "small_fast_model": "gpt-4o-mini" }
                },
                "research": { "inherits": "default", "providers": { "openai": { "default_model": "gpt-4o-mini" } } }
              },
              "features": { "signup_enabled": true, "signup_key": "Join_acme-2026" },
              "metadata": { "description": "Acme", "contact_email": "ops@acme.example" },
              "inheritance": { "providers": { "anthropic": { "share_api_key": true } }, "kb_server": { "share_api_key": false } }
            }
            """;

        var result = OrgConfigValidator.Validate(json, Where);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("abcdefgh", true)]
    [InlineData("A1_b2-C3", true)]
    [InlineData("abcdefg", false)]
    [InlineData("-abcdefgh", false)]
    [InlineData("abcdefgh_", false)]
    [InlineData("abc.defgh", false)]
    [InlineData(null, false)]
    public void Signup_key_rules(string? key, bool wellFormed) =>
        Assert.Equal(wellFormed, SignupKeyRules.IsWellFormed(key));
}
