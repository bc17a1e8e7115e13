using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.TestData;
using ConfigResolver.Tests.Resolution;

namespace ConfigResolver.Tests.Lamb;

/// <summary>A document written in LAMB's shape and set back resolves to the same values, setup by setup.</summary>
public sealed class LambFormatRoundTripTests
{
    public static TheoryData<string, string> Documents => new()
    {
        { "lamb's example", File.ReadAllText(Path.Combine(TestDataFiles.Lamb, "engineering.json")) },
        { "ours, one setup", """
            {"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-a","models":["gpt-4o"],"default_model":"gpt-4o"},"ollama":{"enabled":false}},
             "kb_server":{"url":"https://kb.example","api_key":"kb-a"},"assistant_defaults":{"system_prompt":"Be brief.","default_provider":"openai"}}},
             "features":{"signup_enabled":true,"signup_key":"join-acme-2026","beta":true},"inheritance":{"kb_server":{"share_api_key":true}}}
            """ },
        { "ours, inheriting setups", """
            {"version":1,"setups":{"default":{"kb_server":{"url":"https://kb.example"},"assistant_defaults":{"system_prompt":"Default."}},
             "research":{"inherits":"default","kb_server":{"api_key":"kb-r"},"providers":{"openai":{"default_model":"gpt-4o-mini","models":["gpt-4o-mini"]}}}},
             "kb_server":{"server_url":"https://kb.org","token":"kb-org"}}
            """ },
        { "ours, a setup that does not inherit", """
            {"version":1,"setups":{"default":{"kb_server":{"url":"https://kb.default"}},"isolated":{"providers":{"ollama":{"models":["llama3.1"]}}}},
             "assistant_defaults":{"system_prompt":"Org."},"limits":{"usage":{"tokens_per_month":-1}}}
            """ },
        { "lamb, legacy knowledge base and model choices", """
            {"version":"1.0","setups":{"default":{"name":"Main","is_default":true,"knowledge_base":{"server_url":"http://kb:9090","api_token":"t"},
             "global_default_model":{"provider":"openai","model":"gpt-4o"},"small_fast_model":{"provider":"","model":""},"providers":{"openai":{"api_key":"k","models":["gpt-4o"]}}}},
             "metadata":{"description":"Lamb org","admin_user_id":4}}
            """ },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Get_in_lambs_shape_then_set_gives_the_same_resolved_values(string name, string json)
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["LAMB_KB_SERVER"] = "http://operator-kb:9090", ["OPENAI_API_KEY"] = "sk-operator" });

        // A setup only the system organization defines: the organization's document answers it with its default setup.
        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"unnamed":{"assistant_defaults":{"system_prompt":"System."}}}}""");
        var original = await harness.CreateOrganizationAsync("acme", json);
        var setups = original.Config.SetupNames.Append("default").Append("unnamed").Distinct().ToList();
        var before = await ResolveAllAsync(harness, setups);

        var lamb = original.Config.ToLambJson(revealSecrets: true);
        var updated = await harness.Admin.SetConfigAsync("acme", lamb);
        var after = await ResolveAllAsync(harness, setups);

        Assert.True(before.SequenceEqual(after), $"{name}: values differ after the round trip through {lamb}\n- {string.Join("\n- ", before.Except(after))}");
        Assert.Equal("1.0", JsonDocument.Parse(lamb).RootElement.GetProperty("version").GetString());
        Assert.Equal(original.Config.SetupNames.ToArray(), updated.Config.SetupNames.ToArray());
    }

    [Fact]
    public void Lambs_shape_lifts_the_default_setups_sections_and_names_the_setups()
    {
        var document = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-a"}},"kb_server":{"url":"https://kb.example","api_key":"kb-a"}}}}""");

        var lamb = document.ToLambJson();

        Assert.Equal(
            """{"version":"1.0","setups":{"default":{"name":"Default Setup","is_default":true,"providers":{"openai":{"api_key":"[redacted]"}}}},"kb_server":{"url":"https://kb.example","api_key":"[redacted]"}}""",
            lamb);
    }

    [Fact]
    public void Sections_stay_in_their_setup_when_another_setup_does_not_inherit_the_default()
    {
        var document = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"kb_server":{"url":"https://kb.a"}},"other":{}}}""");

        using var lamb = JsonDocument.Parse(document.ToLambJson());

        Assert.False(lamb.RootElement.TryGetProperty("kb_server", out _));
        Assert.Equal("https://kb.a", lamb.RootElement.GetProperty("setups").GetProperty("default").GetProperty("kb_server").GetProperty("url").GetString());
        Assert.Equal(("other", false), (lamb.RootElement.GetProperty("setups").GetProperty("other").GetProperty("name").GetString(), lamb.RootElement.GetProperty("setups").GetProperty("other").GetProperty("is_default").GetBoolean()));
    }

    private static async Task<List<string>> ResolveAllAsync(ResolverHarness harness, List<string> setups)
    {
        var values = new List<string>();
        foreach (var setup in setups)
        {
            var config = await harness.Resolver.ResolveAsync("acme", setup);
            values.AddRange(config.AllValues.Select(v => $"{setup} {v.Pointer} = {Show(v)} {v.State}"));
        }

        return values;
    }

    private static string Show(ResolvedValue value) =>
        value.Value is null ? "(none)" : value.Value.Kind == ConfigValueKind.Secret ? value.Value.AsSecret().Reveal() : value.Value.ToString();
}
