using System.Text.Json.Nodes;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;

namespace ConfigResolver.Tests.Resolution;

/// <summary>
/// The precedence table: every combination of organization, environment and system organization having a value,
/// over built-in defaults, for a non-secret with a default, a non-secret without one, and a secret with and without
/// opt-in sharing. Each row states the winning value, layer, source and state.
/// </summary>
public sealed class PrecedenceTableTests
{
    private const string OrgSource = "/setups/default/providers/openai/";
    private const string SystemSource = "/setups/default/providers/openai/";

    //   org    env    system  → expected value                 layer               source                              state
    public static TheoryData<bool, bool, bool, string?, ConfigLayer, string?, ValueState> BaseUrlRows => new()
    {
        { true, true, true, "https://org.example/v1", ConfigLayer.Org, OrgSource + "base_url", ValueState.Set },
        { true, true, false, "https://org.example/v1", ConfigLayer.Org, OrgSource + "base_url", ValueState.Set },
        { true, false, true, "https://org.example/v1", ConfigLayer.Org, OrgSource + "base_url", ValueState.Set },
        { true, false, false, "https://org.example/v1", ConfigLayer.Org, OrgSource + "base_url", ValueState.Set },
        { false, true, true, "https://env.example/v1", ConfigLayer.Env, "OPENAI_BASE_URL", ValueState.Set },
        { false, true, false, "https://env.example/v1", ConfigLayer.Env, "OPENAI_BASE_URL", ValueState.Set },
        { false, false, true, "https://system.example/v1", ConfigLayer.System, SystemSource + "base_url", ValueState.Set },
        { false, false, false, "https://api.openai.com/v1", ConfigLayer.Default, "/providers/openai/base_url", ValueState.Set },
    };

    public static TheoryData<bool, bool, bool, string?, ConfigLayer, string?, ValueState> DefaultModelRows => new()
    {
        { true, true, true, "org-model", ConfigLayer.Org, OrgSource + "default_model", ValueState.Set },
        { true, true, false, "org-model", ConfigLayer.Org, OrgSource + "default_model", ValueState.Set },
        { true, false, true, "org-model", ConfigLayer.Org, OrgSource + "default_model", ValueState.Set },
        { true, false, false, "org-model", ConfigLayer.Org, OrgSource + "default_model", ValueState.Set },
        { false, true, true, "env-model", ConfigLayer.Env, "OPENAI_MODEL", ValueState.Set },
        { false, true, false, "env-model", ConfigLayer.Env, "OPENAI_MODEL", ValueState.Set },
        { false, false, true, "system-model", ConfigLayer.System, SystemSource + "default_model", ValueState.Set },
        { false, false, false, null, ConfigLayer.None, null, ValueState.Absent },
    };

    //   org    env    system  shared → expected value   layer               source                        state
    public static TheoryData<bool, bool, bool, bool, string?, ConfigLayer, string?, ValueState> ApiKeyRows => new()
    {
        { true, true, true, false, "sk-org", ConfigLayer.Org, OrgSource + "api_key", ValueState.Set },
        { true, true, true, true, "sk-org", ConfigLayer.Org, OrgSource + "api_key", ValueState.Set },
        { true, false, false, false, "sk-org", ConfigLayer.Org, OrgSource + "api_key", ValueState.Set },
        { true, false, true, true, "sk-org", ConfigLayer.Org, OrgSource + "api_key", ValueState.Set },
        { false, true, true, false, null, ConfigLayer.None, null, ValueState.Absent },
        { false, true, false, false, null, ConfigLayer.None, null, ValueState.Absent },
        { false, false, true, false, null, ConfigLayer.None, null, ValueState.Absent },
        { false, false, false, false, null, ConfigLayer.None, null, ValueState.Absent },
        { false, true, true, true, "sk-env", ConfigLayer.Env, "OPENAI_API_KEY", ValueState.Shared },
        { false, true, false, true, "sk-env", ConfigLayer.Env, "OPENAI_API_KEY", ValueState.Shared },
        { false, false, true, true, "sk-system", ConfigLayer.System, SystemSource + "api_key", ValueState.Shared },
        { false, false, false, true, null, ConfigLayer.None, null, ValueState.Absent },
    };

    [Theory]
    [MemberData(nameof(BaseUrlRows))]
    public Task Base_url_comes_from_the_first_layer_that_has_it(bool org, bool env, bool system, string? value, ConfigLayer layer, string? source, ValueState state) =>
        AssertRowAsync("base_url", "OPENAI_BASE_URL", "https://{0}.example/v1", org, env, system, shared: false, value, layer, source, state);

    [Theory]
    [MemberData(nameof(DefaultModelRows))]
    public Task Default_model_without_a_built_in_default_is_absent_when_no_layer_has_it(bool org, bool env, bool system, string? value, ConfigLayer layer, string? source, ValueState state) =>
        AssertRowAsync("default_model", "OPENAI_MODEL", "{0}-model", org, env, system, shared: false, value, layer, source, state);

    [Theory]
    [MemberData(nameof(ApiKeyRows))]
    public Task Api_key_is_never_inherited_unless_shared_and_then_says_shared(bool org, bool env, bool system, bool shared, string? value, ConfigLayer layer, string? source, ValueState state) =>
        AssertRowAsync("api_key", "OPENAI_API_KEY", "sk-{0}", org, env, system, shared, value, layer, source, state);

    private static async Task AssertRowAsync(
        string field, string envKey, string pattern, bool org, bool env, bool system, bool shared,
        string? value, ConfigLayer layer, string? source, ValueState state)
    {
        string Value(string who) => string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, who);
        var environment = env ? new Dictionary<string, string?> { [envKey] = Value("env") } : null;
        using var harness = ResolverHarness.Create(environment);
        await harness.SetSystemConfigAsync(Document(system ? field : null, Value("system"), share: false));
        await harness.CreateOrganizationAsync("acme", Document(org ? field : null, Value("org"), shared));

        var resolved = await harness.ResolveValueAsync("acme", "/providers/openai/" + field);

        Assert.Equal(value, Render(resolved.Value));
        Assert.Equal(layer, resolved.Layer);
        Assert.Equal(source, resolved.Provenance.Source);
        Assert.Equal(state, resolved.State);
        var lowerLayersWithValue = (org ? 1 : 0) + (env ? 1 : 0) + (system ? 1 : 0) + (field == "base_url" ? 1 : 0) - (value is null ? 0 : 1);
        Assert.Equal(lowerLayersWithValue, resolved.Provenance.Shadowed.Length);
    }

    private static string Document(string? field, string value, bool share)
    {
        var root = new JsonObject { ["version"] = 1 };
        if (field is not null)
        {
            root["setups"] = new JsonObject { ["default"] = new JsonObject { ["providers"] = new JsonObject { ["openai"] = new JsonObject { [field] = value } } } };
        }

        if (share)
        {
            root["inheritance"] = new JsonObject { ["providers"] = new JsonObject { ["openai"] = new JsonObject { ["share_api_key"] = true } } };
        }

        return root.ToJsonString();
    }

    private static string? Render(ConfigValue? value) => value?.Kind switch
    {
        null => null,
        ConfigValueKind.Secret => value.AsSecret().Reveal(),
        _ => value.AsString(),
    };
}
