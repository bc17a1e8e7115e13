using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Lamb;

/// <summary>Accepting LAMB's format does not mean accepting nonsense: every LAMB-only part goes through the schema and the rules.</summary>
public sealed class LambValidationTests
{
    private const string Where = "org 'engineering'";

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        // Versions other than 1 / "1.0".
        { """{"version":"2.0"}""", DiagnosticCodes.UnsupportedVersion, "/version" },
        { """{"version":"v1"}""", DiagnosticCodes.UnsupportedVersion, "/version" },
        { """{"version":true}""", DiagnosticCodes.UnsupportedVersion, "/version" },

        // URLs wherever LAMB writes them.
        { """{"version":"1.0","kb_server":{"url":"http://"}}""", DiagnosticCodes.InvalidUrl, "/kb_server/url" },
        { """{"version":"1.0","kb_server":{"server_url":"kb:9090"}}""", DiagnosticCodes.InvalidUrl, "/kb_server/server_url" },
        { """{"version":"1.0","setups":{"default":{"knowledge_base":{"server_url":"http://"}}}}""", DiagnosticCodes.InvalidUrl, "/setups/default/knowledge_base/server_url" },
        { """{"version":"1.0","library":{"url":"ftp://library"}}""", DiagnosticCodes.InvalidUrl, "/library/url" },
        { """{"version":"1.0","setups":{"default":{"library":{"url":" http://x"}}}}""", DiagnosticCodes.InvalidUrl, "/setups/default/library/url" },

        // Two names for one key.
        { """{"version":"1.0","kb_server":{"url":"http://a:1","server_url":"http://b:2"}}""", DiagnosticCodes.AmbiguousAlias, "/kb_server/server_url" },
        { """{"version":"1.0","kb_server":{"api_token":"a","token":"b"}}""", DiagnosticCodes.AmbiguousAlias, "/kb_server/token" },
        { """{"version":"1.0","assistant_defaults":{"default_model":"a","llm":"b"}}""", DiagnosticCodes.AmbiguousAlias, "/assistant_defaults/llm" },

        // The rules LAMB documents are checked as in ours.
        { """{"version":"1.0","setups":{"default":{"providers":{"openai":{"models":["gpt-4o"],"default_model":"gpt-4o-mini"}}}}}""", DiagnosticCodes.DefaultModelNotInModels, "/setups/default/providers/openai/default_model" },
        { """{"version":"1.0","features":{"signup_key":"org key!"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key" },
        { """{"version":"1.0","setups":{"default":{"name":7}}}""", DiagnosticCodes.WrongType, "/setups/default/name" },
        { """{"version":"1.0","setups":{"default":{"is_default":"yes"}}}""", DiagnosticCodes.WrongType, "/setups/default/is_default" },
        { """{"version":"1.0","setups":{"default":{"global_default_model":{"provider":"Open AI","model":"gpt-4o"}}}}""", DiagnosticCodes.ConstraintViolated, "/setups/default/global_default_model/provider" },
        { """{"version":"1.0","setups":{"default":{"small_fast_model":{"provider":"openai","modle":"x"}}}}""", DiagnosticCodes.UnknownProperty, "/setups/default/small_fast_model/modle" },

        // Features: known switches are booleans; other keys hold scalars only.
        { """{"version":"1.0","features":{"rag_enabled":"yes"}}""", DiagnosticCodes.WrongType, "/features/rag_enabled" },
        { """{"version":"1.0","features":{"beta":{"on":true}}}""", DiagnosticCodes.WrongType, "/features/beta" },
        { """{"version":"1.0","features":{"beta":[1]}}""", DiagnosticCodes.WrongType, "/features/beta" },
        { """{"version":"1.0","features":{"has space":true}}""", DiagnosticCodes.UnknownProperty, "/features/has space" },
        { """{"version":"1.0","metadata":{"owner":{"id":1}}}""", DiagnosticCodes.WrongType, "/metadata/owner" },

        // Usage limits: non-negative integers or -1.
        { """{"version":"1.0","limits":{"usage":{"tokens_per_month":-2}}}""", DiagnosticCodes.ConstraintViolated, "/limits/usage/tokens_per_month" },
        { """{"version":"1.0","limits":{"usage":{"storage_gb":1.5}}}""", DiagnosticCodes.WrongType, "/limits/usage/storage_gb" },
        { """{"version":"1.0","limits":{"usage":{"max_assistants":"100"}}}""", DiagnosticCodes.WrongType, "/limits/usage/max_assistants" },
        { """{"version":"1.0","limits":{"usage":{"max_users":5}}}""", DiagnosticCodes.UnknownProperty, "/limits/usage/max_users" },
        { """{"version":"1.0","limits":{"monthly":{}}}""", DiagnosticCodes.UnknownProperty, "/limits/monthly" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void A_lamb_document_with_nonsense_is_rejected_with_the_code_at_the_pointer(string json, string code, string jsonPointer)
    {
        var result = OrgConfigValidator.Validate(json, Where);

        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Pointer == jsonPointer && d.Where == Where);
    }

    [Fact]
    public void An_unsupported_version_names_both_accepted_forms()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":"2.0"}""", Where).Diagnostics);

        Assert.Equal("org 'engineering': error CFG1007: /version: expected version 1, written 1 or '1.0'; found '2.0'.", diagnostic.ToString());
    }

    [Fact]
    public void A_negative_limit_other_than_minus_one_says_what_minus_one_means()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"limits":{"usage":{"max_assistants":-5}}}""", Where).Diagnostics);

        Assert.Equal("/limits/usage/max_assistants: expected at least -1 (-1 means unlimited); found -5.", diagnostic.Pointer + ": " + diagnostic.Message);
    }

    [Fact]
    public void An_alias_conflict_names_both_names_and_no_secret()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"kb_server":{"api_key":"kb-SECRET-1","token":"kb-SECRET-2"}}""", Where).Diagnostics);

        Assert.Equal("expected one of 'api_key', 'api_token', 'token' (they name the same key); found both 'api_key' and 'token'.", diagnostic.Message);
        Assert.DoesNotContain("SECRET", diagnostic.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> GoodDocuments => new()
    {
        """{"version":1,"setups":{"default":{"name":"Default Setup","is_default":true,"knowledge_base":{}}}}""",
        """{"version":"1.0","setups":{"default":{"knowledge_base":{"server_url":"","api_token":""}}}}""",
        """{"version":"1.0","setups":{"default":{"global_default_model":{"provider":"","model":""}}}}""",
        """{"version":"1.0","limits":{"usage":{"tokens_per_month":-1,"max_assistants":0,"max_assistants_per_user":10,"storage_gb":9223372036854775807}}}""",
        """{"version":"1.0","features":{"rag_enabled":true,"mcp_enabled":false,"lti_publishing":true,"dev_mode":false,"sharing_enabled":true,"max_upload_mb":20,"theme":"dark","beta-ui":true}}""",
        """{"version":"1.0","metadata":{"admin_user_id":3,"admin_user_email":"ann@example.edu","created_by_system_admin":true}}""",
        """{"version":"1.0","assistant_defaults":{"connector":"openai","llm":"gpt-4o-mini","prompt_processor":"simple_augment","rag_processor":"No RAG","rag_placeholders":["{context}","{user_input}"]}}""",
        """{"version":"1.0","inheritance":{"library":{"share_api_key":true}},"library":{"url":"http://library:9091"}}""",
    };

    [Theory]
    [MemberData(nameof(GoodDocuments))]
    public void Lamb_shaped_documents_are_accepted(string json) =>
        Assert.Empty(OrgConfigValidator.Validate(json, Where).Diagnostics);

    [Fact]
    public void An_open_section_is_bounded_like_every_object()
    {
        var features = string.Join(',', Enumerable.Range(0, 1025).Select(static i => $"\"f{i}\":true"));

        var diagnostic = Assert.Single(OrgConfigValidator.Validate("{\"version\":\"1.0\",\"features\":{" + features + "}}", Where).Diagnostics);

        Assert.Equal((DiagnosticCodes.TooManyEntries, "/features"), (diagnostic.Code, diagnostic.Pointer));
    }
}
