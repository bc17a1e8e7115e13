using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Validation;

namespace ConfigResolver.Authorization.Tests.Shipped;

/// <summary>The JSON Schemas in schemas/ work outside the repository: described, with examples, references resolved offline.</summary>
public sealed class SchemaFileTests
{
    public static TheoryData<string> SchemaFiles() => ["org-config.schema.json", "policy.schema.json", "policy-test.schema.json"];

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_property_of_every_schema_has_a_description(string file)
    {
        var root = Read(file);
        var undescribed = new List<string>();
        Walk(root, root, "#", undescribed);

        Assert.Empty(undescribed);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_shows_examples_of_its_main_shapes(string file)
    {
        var root = Read(file);

        Assert.True(root["examples"] is JsonArray { Count: > 0 } || file == "policy.schema.json", $"{file} has no top-level examples");
        var withExamples = root["definitions"]!.AsObject().Where(static d => d.Value?["examples"] is JsonArray { Count: > 0 }).Select(static d => d.Key).ToList();
        Assert.True(withExamples.Count >= 3, $"{file}: only {string.Join(", ", withExamples)} have examples");
        Assert.DoesNotContain("$id", root.AsObject().Select(static p => p.Key));
    }

    [Fact]
    public void The_org_config_examples_are_valid_documents()
    {
        foreach (var example in Read("org-config.schema.json")["examples"]!.AsArray())
        {
            Assert.Empty(OrgConfigValidator.Validate(example!.ToJsonString()).Diagnostics);
        }
    }

    [Fact]
    public void The_policy_test_examples_are_valid_suites()
    {
        foreach (var example in Read("policy-test.schema.json")["examples"]!.AsArray())
        {
            Assert.Empty(PolicySchemas.PolicyTest.Validate(example!.ToJsonString()));
        }
    }

    [Fact]
    public void A_fixture_config_is_checked_against_the_org_config_definitions_it_references()
    {
        const string Suite = """
            kind: PolicyTest
            name: fixtures
            fixtures:
              orgs:
                acme:
                  config:
                    providers:
                      openai: { enabled: true, apikey: sk-typo }
                    kb_server: { url: 42 }
            cases:
              - name: c
                input: { org: acme, action: agents:read }
                expect: deny
            """;

        var errors = PolicyFiles.Errors(("tests/fixtures_test.yaml", Suite));

        Assert.Contains(errors, static d => d.Code == AuthorizationDiagnosticCodes.UnknownProperty
            && d.Pointer == "/fixtures/orgs/acme/config/providers/openai/apikey" && d.Line == 8
            && d.Message.Contains("'api_key', 'base_url', 'default_model', 'enabled', 'models'", StringComparison.Ordinal));
        Assert.Contains(errors, static d => d.Code == AuthorizationDiagnosticCodes.WrongType && d.Pointer == "/fixtures/orgs/acme/config/kb_server/url" && d.Line == 9);
        Assert.All(errors, static d => Assert.DoesNotContain("sk-typo", d.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://example.com/other.schema.json#/definitions/x")]
    [InlineData("other.schema.json#/definitions/x")]
    public void References_between_embedded_schemas_never_reach_the_disk_or_the_network(string reference)
    {
        var schema = """{"type":"object","properties":{"a":{"$ref":" """.TrimEnd() + reference + "\"}}}";
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "other.schema.json"), """{"definitions":{"x":{"type":"string"}}}""");

        var e = Assert.ThrowsAny<Exception>(() => EmbeddedSchemaResolver.Parse("mine.schema.json", schema, new Dictionary<string, string>()));

        Assert.Contains(reference.Split('#')[0].Split('/')[^1], e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_another_embedded_schema_resolves_from_the_given_texts()
    {
        var schema = EmbeddedSchemaResolver.Parse(
            "mine.schema.json",
            """{"type":"object","properties":{"a":{"$ref":"other.schema.json#/definitions/x"}}}""",
            new Dictionary<string, string> { ["other.schema.json"] = """{"definitions":{"x":{"type":"string"}}}""" });

        Assert.Empty(schema.Validate("""{"a":"text"}"""));
        Assert.Single(schema.Validate("""{"a":42}"""));
    }

    private static JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, file)))!;

    /// <summary>Every entry of a properties map must carry a description, itself or through the definition it references.</summary>
    private static void Walk(JsonNode root, JsonNode? node, string path, List<string> undescribed)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["properties"] is JsonObject properties)
                {
                    foreach (var (name, value) in properties)
                    {
                        if (value is JsonObject p && p["description"] is null && !ReferencedIsDescribed(root, p))
                        {
                            undescribed.Add($"{path}/properties/{name}");
                        }
                    }
                }

                foreach (var (key, value) in o)
                {
                    if (key != "examples")
                    {
                        Walk(root, value, $"{path}/{key}", undescribed);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(root, a[i], $"{path}/{i}", undescribed);
                }

                break;
        }
    }

    private static bool ReferencedIsDescribed(JsonNode root, JsonObject property)
    {
        if (property["$ref"]?.GetValue<string>() is not { } reference)
        {
            return false;
        }

        var (file, pointer) = reference.Split('#') switch { [var f, var p] => (f, p), _ => (string.Empty, string.Empty) };
        var target = file.Length == 0 ? root : Read(file);
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = target?[segment];
        }

        return target?["description"] is not null;
    }
}
