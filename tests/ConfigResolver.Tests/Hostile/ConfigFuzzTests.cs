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

    [Theory]
    [InlineData(9)]
    [InlineData(2026)]
    public void Mutated_documents_are_valid_or_get_coded_diagnostics_never_an_exception(int seed)
    {
        var mutator = new Mutator(seed);
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases / 2; i++)
        {
            var bytes = mutator.MutateBytes(Document);
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
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        Assert.True(outcomes.GetValueOrDefault("rejected") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.Keys.Count(k => k.StartsWith("CFG", StringComparison.Ordinal)) >= 5, string.Join(", ", outcomes));
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    [GeneratedRegex("^(CFG|TEN|INP)[0-9]{4}$")]
    private static partial Regex CodePattern();
}
