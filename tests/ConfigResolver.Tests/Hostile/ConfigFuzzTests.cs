using System.Diagnostics;
using System.Text.RegularExpressions;
using ConfigResolver.Diagnostics;
using ConfigResolver.IO;
using ConfigResolver.Testing;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Hostile;

/// <summary>
/// Seeded fuzzing of organization documents: 2,000 mutations of a full document, each read as bytes and validated.
/// Every outcome is a valid document or coded diagnostics; an unhandled exception fails the run with its seed and case.
/// </summary>
public sealed partial class ConfigFuzzTests
{
    private const int Cases = 2000;

    private const string Document = """
        {"version":1,
         "setups":{"default":{"providers":{"openai":{"enabled":true,"api_key":"sk-acme-own-key","base_url":"https://openai.acme.example/v1","models":["gpt-4o","gpt-4o-mini"],"default_model":"gpt-4o"},
                                           "ollama":{"enabled":false}},
                              "kb_server":{"url":"http://kb.internal:9090","api_key":"kb-key"},
                              "assistant_defaults":{"system_prompt":"Be brief."}},
                   "research":{"inherits":"default","providers":{"openai":{"default_model":"gpt-4o-mini"}}}},
         "features":{"signup_enabled":true,"signup_key":"join-acme-2026"},
         "inheritance":{"providers":{"openai":{"share_api_key":false}},"kb_server":{"share_api_key":true}},
         "metadata":{"description":"Acme Corp","contact_email":"it@acme.example"}}
        """;

    /// <summary>LAMB's shape with every part it adds: organization-wide sections, aliases, legacy knowledge base, open maps, limits.</summary>
    private const string LambDocument = """
        {"version":"1.0",
         "setups":{"default":{"name":"Default Setup","is_default":true,
                              "providers":{"openai":{"enabled":true,"api_key":"sk-...","base_url":"https://api.openai.com/v1","default_model":"gpt-4o-mini","models":["gpt-4o","gpt-4o-mini"]},
                                           "anthropic":{"enabled":false,"api_key":"","models":[]}},
                              "knowledge_base":{"server_url":"http://kb:9090","api_token":"t"},
                              "global_default_model":{"provider":"openai","model":"gpt-4o"},"small_fast_model":{"provider":"","model":""}},
                   "research":{"inherits":"default","library":{"server_url":"http://lib:9091"}}},
         "kb_server":{"url":"http://localhost:9090","api_key":"kb-api-key"},
         "assistant_defaults":{"system_prompt":"Be kind.","connector":"openai","llm":"gpt-4o","rag_placeholders":["{context}"]},
         "features":{"signup_enabled":false,"signup_key":"org-specific-key-2024","rag_enabled":true,"beta-ui":true,"max_mb":20,"theme":"dark"},
         "limits":{"usage":{"tokens_per_month":-1,"max_assistants":100}},
         "metadata":{"description":"Engineering","admin_user_id":3}}
        """;

    [Theory]
    [InlineData(9)]
    [InlineData(2026)]
    public void Mutated_documents_are_valid_or_get_coded_diagnostics_never_an_exception(int seed) => Fuzz(seed, Document);

    [Theory]
    [InlineData(11)]
    [InlineData(2027)]
    public async Task Mutated_lamb_documents_are_valid_or_coded_and_every_valid_one_resolves_and_routes(int seed)
    {
        var valid = Fuzz(seed, LambDocument);

        // Byte mutations break most JSON: these seeds keep 22 and 40 of 1,000 valid; enough to route and write them all.
        Assert.True(valid.Count >= 20, $"only {valid.Count} mutants were valid");

        using var harness = Resolution.ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-op" });
        foreach (var (json, i) in valid.Select(static (j, i) => (j, i)))
        {
            try
            {
                var organization = await harness.Admin.SetConfigAsync((await harness.CreateOrganizationAsync($"fuzz-{i}")).Slug, json);
                var config = await harness.Resolver.ResolveAsync(organization.Slug);
                _ = config.ToString();
                try
                {
                    _ = config.RouteCompletion("gpt-4o", "openai").ToString();
                }
                catch (ConfigResolver.Routing.CompletionRouteException e)
                {
                    Assert.Equal(DiagnosticCodes.NoCompletionCandidate, e.Diagnostics[0].Code);
                }

                _ = config.Values.Count + organization.Config.ToLambJson().Length;
            }
            catch (ConfigResolverException e) when (e.Diagnostics.All(static d => d.Code == DiagnosticCodes.DuplicateSignupKey))
            {
                // Two mutants may keep the same signup key; the second is refused, as it must be.
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}, valid case {i}: {e.GetType().Name}: {e.Message}\n{json}");
            }
        }
    }

    private static List<string> Fuzz(int seed, string document)
    {
        var valid = new List<string>();
        var mutator = new Mutator(seed);
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases / 2; i++)
        {
            var bytes = mutator.MutateBytes(document);
            string json;
            try
            {
                json = InputFile.DecodeText(bytes, "doc.json", 1 << 20);
            }
            catch (InputFileException e)
            {
                Count(outcomes, Assert.Single(e.Diagnostics).Code);
                continue;
            }

            OrgConfigValidationResult result;
            try
            {
                result = OrgConfigValidator.Validate(json, "org 'fuzz'");
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, case {i}: {e.GetType().Name}: {e.Message}\n{json}");
                throw;
            }

            Assert.True(result.Document is null == result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), $"seed {seed}, case {i}");
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.Matches(CodePattern(), diagnostic.Code);
                Count(outcomes, diagnostic.Code);
            }

            Count(outcomes, result.Document is null ? "rejected" : "valid");
            if (result.Document is not null)
            {
                valid.Add(json);
            }
        }

        // A stall detector, not a speed target: an input that took exponential time would take minutes; the bound is
        // generous because the suite runs its assemblies in parallel on shared two-core machines.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), clock.Elapsed.ToString());
        Assert.True(outcomes.GetValueOrDefault("rejected") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.Keys.Count(k => k.StartsWith("CFG", StringComparison.Ordinal)) >= 5, string.Join(", ", outcomes));
        return valid;
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    [GeneratedRegex("^(CFG|TEN|INP)[0-9]{4}$")]
    private static partial Regex CodePattern();
}
