using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Policy;

namespace ConfigResolver.Cli.Tests.Inputs;

public sealed class ContextOptionTests
{
    [Theory]
    [InlineData("r2,p2,e2,m2", "r2", "p2", "e2", "m2")]
    [InlineData("r2, p, e ,m2", "r2", "p", "e", "m2")]
    public void The_context_option_names_request_policy_effect_and_matcher(string value, string r, string p, string e, string m) =>
        Assert.Equal(new EnforceContext(r, p, e, m), ContextOption.Parse(value, new CommandSpec("enforce", "Enforce.")));

    [Theory]
    [InlineData("r2,p2,e2")]
    [InlineData("r2,p2,,m2")]
    [InlineData("r2,p2,e2,m2,x")]
    public void A_context_option_without_four_keys_is_a_usage_error(string value) =>
        Assert.Throws<UsageException>(() => ContextOption.Parse(value, new CommandSpec("enforce", "Enforce.")));
}
