namespace ConfigResolver.Tests.Resolution;

public sealed class TenantConfigTests
{
    [Fact]
    public async Task ToString_is_a_header_then_one_line_per_value_even_for_multi_line_prompts()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"assistant_defaults":{"system_prompt":"Line one.\nLine two."}}}}""");
        var config = await harness.Resolver.ResolveAsync("acme");

        var lines = config.ToString().TrimEnd().Split(Environment.NewLine);

        Assert.Equal($"org 'acme' setup 'default' generation {config.Generation}", lines[0]);
        Assert.Equal(config.AllValues.Length + 1, lines.Length);
        Assert.Contains("  /assistant_defaults/system_prompt = Line one.\\nLine two. (org /setups/default/assistant_defaults/system_prompt, set)", lines);
    }

    [Fact]
    public async Task Values_are_ordered_by_pointer_and_reachable_by_key()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"zeta-llm":{"base_url":"https://zeta.example"}}}}}""");
        var config = await harness.Resolver.ResolveAsync("acme");

        var pointers = config.AllValues.Select(v => v.Pointer).ToList();

        Assert.Equal(pointers.Order(StringComparer.Ordinal), pointers);
        Assert.Equal(pointers, config.Values.Keys);
        Assert.All(config.AllValues, v => Assert.Same(v, config.Values[v.Pointer]));
        Assert.Equal(["anthropic", "google", "ollama", "openai", "zeta-llm"], config.Providers.Keys);
        Assert.False(config.TryGetValue("/providers/zeta-llm/colour", out _));
        Assert.Throws<KeyNotFoundException>(() => config.Providers["missing"]);
    }
}
