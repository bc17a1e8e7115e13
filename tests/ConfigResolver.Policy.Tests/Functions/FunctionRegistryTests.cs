using ConfigResolver.Policy.Functions;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class FunctionRegistryTests
{
    [Fact]
    public void Default_registry_holds_the_casbin_built_ins_by_name()
    {
        string[] expected =
        [
            "globMatch", "ipMatch", "keyGet", "keyGet2", "keyGet3", "keyMatch", "keyMatch2",
            "keyMatch3", "keyMatch4", "keyMatch5", "regexMatch", "timeMatch",
        ];

        Assert.Equal(expected, FunctionRegistry.Default.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("keyMatch", 2, true)]
    [InlineData("keyGet2", 3, false)]
    [InlineData("keyGet", 2, false)]
    [InlineData("globMatch", 2, true)]
    public void Descriptors_state_arity_and_offer_fast_paths_for_boolean_two_argument_functions(string name, int arity, bool fastPath)
    {
        Assert.True(FunctionRegistry.Default.TryGet(name, out var function));

        Assert.Equal(arity, function.Arity);
        Assert.Equal(fastPath, function.Match is not null);
        Assert.Equal(fastPath, function.Prepare is not null);
    }

    [Fact]
    public void Invoker_returns_go_results_for_string_arguments()
    {
        FunctionRegistry.Default.TryGet("keyGet2", out var keyGet2);
        FunctionRegistry.Default.TryGet("keyMatch2", out var keyMatch2);

        Assert.Equal("alice", keyGet2.Invoke(["/alice", "/:id", "id"]));
        Assert.Equal(true, keyMatch2.Invoke(["/resource1", "/:resource"]));
    }

    [Theory]
    [InlineData("keyMatch", new object[] { "/foo" }, "keyMatch: expected 2 arguments, but got 1")]
    [InlineData("keyMatch4", new object[] { "/a", "/b", true }, "keyMatch4: expected 2 arguments, but got 3")]
    [InlineData("regexMatch", new object[] { "/topic/create", false }, "regexMatch: argument must be a string")]
    [InlineData("ipMatch", new object[] { "192.168.2.123", 128 }, "ipMatch: argument must be a string")]
    public void Invoker_checks_arguments_with_go_wrapper_messages(string name, object[] args, string message)
    {
        FunctionRegistry.Default.TryGet(name, out var function);

        var ex = Assert.Throws<PolicyFunctionException>(() => function.Invoke(args));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Prepare_hook_defers_a_bad_pattern_error_to_the_call_as_go_does()
    {
        FunctionRegistry.Default.TryGet("regexMatch", out var regexMatch);
        FunctionRegistry.Default.TryGet("ipMatch", out var ipMatch);

        var badRegex = regexMatch.Prepare!("(");
        var badCidr = ipMatch.Prepare!("10.0.0.0/99");

        Assert.Throws<PolicyFunctionException>(() => badRegex("x"));
        var ex = Assert.Throws<PolicyFunctionException>(() => badCidr("not-an-ip"));
        Assert.Contains("ip1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeMatch_in_a_created_registry_reads_the_given_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        FunctionRegistry.CreateDefault(clock).TryGet("timeMatch", out var timeMatch);

        Assert.True(timeMatch.Match!("2029-12-31 23:59:59", "_"));
        Assert.False(timeMatch.Match!("_", "2029-12-31 23:59:59"));
    }

    [Fact]
    public void With_returns_a_new_registry_and_leaves_the_original_unchanged()
    {
        var extended = FunctionRegistry.Default.With("startsWith", (a, b) => a.StartsWith(b, StringComparison.Ordinal));

        Assert.True(extended.TryGet("startsWith", out var startsWith));
        Assert.Equal(true, startsWith.Invoke(["abc", "ab"]));
        Assert.False(FunctionRegistry.Default.Contains("startsWith"));
    }

    [Fact]
    public void With_keeps_an_existing_function_of_the_same_name_like_go_load_or_store()
    {
        var registry = FunctionRegistry.Default.With("keyMatch", static _ => "replacement");

        registry.TryGet("keyMatch", out var keyMatch);

        Assert.Same(FunctionRegistry.Default, registry);
        Assert.Equal(true, keyMatch.Invoke(["/foo/bar", "/foo/*"]));
    }

    [Fact]
    public void With_accepts_a_variadic_general_function()
    {
        var registry = FunctionRegistry.Default.With("count", static args => args.Length);

        registry.TryGet("count", out var count);

        Assert.Null(count.Arity);
        Assert.Equal(3, count.Invoke(["a", 1, null]));
    }

    [Theory]
    [InlineData("keyMatch", "/foo/bar", "/foo/*", true)]
    [InlineData("keyMatch2", "/alice", "/:id", true)]
    [InlineData("keyMatch3", "/alice", "/{id}", true)]
    [InlineData("keyMatch4", "/1/2", "/{id}/{id}", false)]
    [InlineData("keyMatch5", "/alice?x=1", "/{id}", true)]
    [InlineData("regexMatch", "alice", "^a", true)]
    [InlineData("globMatch", "/a/b", "/a/*", true)]
    [InlineData("ipMatch", "10.0.0.1", "10.0.0.0/8", true)]
    public void Matching_functions_are_found_by_casbin_name(string name, string value, string pattern, bool expected)
    {
        Assert.True(BuiltInFunctions.TryGetMatchingFunction(name, out var function));

        Assert.Equal(expected, function(value, pattern));
    }

    [Theory]
    [InlineData("keyGet")]
    [InlineData("KeyMatch")]
    [InlineData("timeMatch")]
    public void Matching_function_lookup_rejects_other_names(string name)
    {
        Assert.False(BuiltInFunctions.TryGetMatchingFunction(name, out _));
    }

    [Fact]
    public void Descriptor_rejects_fast_paths_for_a_function_that_does_not_take_two_arguments()
    {
        Assert.Throws<ArgumentException>(() => new FunctionDescriptor("f", 3, static _ => null, static (_, _) => true));
        Assert.Throws<ArgumentException>(() => new FunctionDescriptor("f", -1, static _ => null));
    }
}
