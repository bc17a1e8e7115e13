using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

public sealed class EnforceErrorTests : IDisposable
{
    private const string Requests = "[\"alice\", \"data1\", \"read\"]\n";

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_broken_model_and_policy_are_reported_together_as_file_line_column_diagnostics()
    {
        var model = _sandbox.Write("broken.conf", """
            [request_definition]
            r = sub, obj, act
            this line has no equals sign

            [policy_definition]
            p = sub, obj, act

            [policy_effect]
            e = some(where (p.eft = allow))

            [matchers]
            m = r.sub == p.sub && r.obj == p.obj && r.act == p.act
            """);
        var policy = _sandbox.Write("broken.csv", "p, alice, data1, read\np, bob, da\"ta2, write\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--requests", _sandbox.Write("r.jsonl", Requests));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Golden.Match("enforce_broken_model", result);
    }

    [Fact]
    public void A_matcher_problem_is_reported_at_the_column_of_the_bad_token()
    {
        var model = _sandbox.Write("matcher.conf", """
            [request_definition]
            r = sub, obj, act

            [policy_definition]
            p = sub, obj, act

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.sub == p.sub && r.owner == p.obj && fooMatch(r.act, p.act)
            """);

        var result = _sandbox.Run("enforce", "--model", model, "--requests", _sandbox.Write("r.jsonl", Requests));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Golden.Match("enforce_broken_matcher", result);
    }

    [Fact]
    public void A_role_cycle_in_the_policy_is_reported_with_the_line_that_closes_it()
    {
        var model = _sandbox.CopyFromCorpus("models/rbac_model.conf");
        var policy = _sandbox.Write("cycle.csv", "p, admin, data1, read\ng, alice, admin\ng, admin, root\ng, root, alice\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--requests", _sandbox.Write("r.jsonl", Requests));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Golden.Match("enforce_role_cycle", result);
    }

    [Fact]
    public void A_malformed_request_line_prints_an_error_in_its_place_and_fails_the_run()
    {
        var model = _sandbox.CopyFromCorpus("models/basic_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/basic_policy.csv");
        var requests = _sandbox.Write("r.jsonl", "[\"alice\", \"data1\", \"read\"]\n{\"sub\": \"alice\"}\n  [\"bob\", \"data2\"\n[\"bob\", \"data2\", \"write\"]\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--requests", requests);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Golden.Match("enforce_malformed_request", result);
    }

    [Theory]
    [InlineData("missing.conf", "basic_policy.csv", "r.jsonl", "missing.conf: error INP4001: cannot read the model file: it does not exist.")]
    [InlineData("basic_model.conf", "missing.csv", "r.jsonl", "missing.csv: error INP4001: cannot read the policy file: it does not exist.")]
    [InlineData("basic_model.conf", "basic_policy.csv", "missing.jsonl", "missing.jsonl: error INP4001: cannot read the requests file: it does not exist.")]
    public void A_file_that_cannot_be_read_is_an_error_naming_it_as_given(string model, string policy, string requests, string error)
    {
        _sandbox.CopyFromCorpus("models/basic_model.conf");
        _sandbox.CopyFromCorpus("policies/basic_policy.csv");
        _sandbox.Write("r.jsonl", Requests);

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--requests", requests);

        Assert.Equal((ExitCodes.Failed, string.Empty, error + "\n"), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Theory]
    [InlineData("{\"matching_functions\": {\"g\": \"fooMatch\"}}", "error: --setup: unknown matching function 'fooMatch'; expected one of 'globMatch', 'ipMatch', 'keyMatch', 'keyMatch2', 'keyMatch3', 'keyMatch4', 'keyMatch5', 'regexMatch'.")]
    [InlineData("{\"matching_functions\": {\"g9\": \"keyMatch\"}}", "error: --setup: 'matching_functions' names role type 'g9', which the model does not define.")]
    [InlineData("{\"domain_matching_functions\": {\"g\": 3}}", "error: --setup: 'domain_matching_functions' must map role types to function names, e.g. {\"g\": \"keyMatch2\"}.")]
    [InlineData("{\"accept_json_request\": \"yes\"}", "error: --setup: 'accept_json_request' must be true or false.")]
    [InlineData("{\"matching_function\": {}}", "error: --setup: unknown key 'matching_function'; expected one of 'matching_functions', 'domain_matching_functions', 'accept_json_request'.")]
    [InlineData("[\"g\"]", "error: --setup: expected a JSON object such as {\"matching_functions\": {\"g\": \"keyMatch2\"}}.")]
    [InlineData("{\"g\": ", "error: --setup: expected a JSON object; the value is not valid JSON at character 7.")]
    public void A_setup_the_engine_cannot_apply_is_an_error(string setup, string error)
    {
        var model = _sandbox.CopyFromCorpus("models/rbac_model.conf");

        var result = _sandbox.Run("enforce", "--model", model, "--setup", setup, "--requests", _sandbox.Write("r.jsonl", Requests));

        Assert.Equal((ExitCodes.Failed, string.Empty, error + "\n"), (result.ExitCode, result.Stdout, result.Stderr));
    }
}
