using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

public sealed class EnforceCommandTests : IDisposable
{
    private const string RbacRequests = """
        ["alice", "data1", "read"]
        ["alice", "data2", "write"]

        ["bob", "data1", "read"]
        ["bob", "data2"]
        ["data2_admin", "data2", "read"]
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Enforce_prints_one_decision_per_request_and_an_error_line_for_a_request_that_cannot_be_evaluated()
    {
        var result = RunRbac();

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Match("enforce_rbac", result);
    }

    [Fact]
    public void Enforce_with_explain_prints_the_deciding_rule_and_revision_as_json()
    {
        var result = RunRbac("--explain");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Match("enforce_rbac_explain", result);
    }

    [Fact]
    public void Enforce_passes_json_objects_and_numbers_to_the_matcher()
    {
        var model = _sandbox.Write("abac.conf", """
            [request_definition]
            r = sub, obj, act

            [policy_definition]
            p = sub, obj, act

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.sub.Age >= 18 && r.obj.Owner == r.sub.Name && r.act == "read" || r.act == 7
            """);
        var requests = _sandbox.Write("requests.jsonl", """
            [{"Name": "alice", "Age": 30}, {"Owner": "alice"}, "read"]
            [{"Name": "bob", "Age": 12.5}, {"Owner": "bob"}, "read"]
            [{"Name": "bob", "Age": 40}, {"Owner": "alice"}, "read"]
            [{"Name": "carol", "Age": 40}, {"Title": "no owner"}, "read"]
            [{"Name": "dave", "Age": 5}, {"Owner": "erin"}, 7]
            [{"Name": "erin"}, {"Owner": "erin"}, "read"]
            """);

        var result = _sandbox.Run("enforce", "--model", model, "--requests", requests);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Match("enforce_abac", result);
    }

    [Fact]
    public void Enforce_applies_a_corpus_setup_and_an_enforce_context()
    {
        var model = _sandbox.CopyFromCorpus("models/rbac_with_pattern_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/rbac_with_pattern_policy.csv");
        var requests = _sandbox.Write("requests.jsonl", "[\"alice\", \"/book/1\", \"GET\"]\n[\"alice\", \"/pen/2\", \"GET\"]\n[\"/book/user/7\", \"/pen4/1\", \"GET\"]\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--setup", "{\"matching_functions\": {\"g2\": \"keyMatch2\", \"g\": \"keyMatch2\"}}", "--requests", requests, "--explain");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Match("enforce_setup", result);
    }

    [Fact]
    public void Enforce_uses_the_definitions_named_by_the_context_option()
    {
        var model = _sandbox.CopyFromCorpus("models/multiple_policy_definitions_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/multiple_policy_definitions_policy.csv");
        var requests = _sandbox.Write("requests.jsonl", "[{\"Age\": 30}, \"/data1\", \"read\"]\n[{\"Age\": 70}, \"/data1\", \"read\"]\n[{\"Age\": 30}, \"/data1\", \"write\"]\n[\"alice\", \"/data1\", \"read\"]\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--context", "r2,p2,e,m2", "--requests", requests, "--explain");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Match("enforce_context", result);
    }

    [Fact]
    public void Enforce_reads_requests_from_standard_input_when_the_file_is_a_dash()
    {
        var model = _sandbox.CopyFromCorpus("models/basic_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/basic_policy.csv");

        var result = _sandbox.RunWithInput("[\"alice\", \"data1\", \"read\"]\n[\"alice\", \"data1\", \"write\"]\n", "enforce", "--model", model, "--policy", policy, "--requests", "-");

        Assert.Equal((ExitCodes.Ok, "true\nfalse\n", string.Empty), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void Enforce_accepts_the_global_database_option_before_or_after_the_command()
    {
        var model = _sandbox.CopyFromCorpus("models/basic_model.conf");
        var requests = _sandbox.Write("requests.jsonl", "[\"\", \"\", \"\"]");

        var before = _sandbox.Run("--db", "other.db", "enforce", "--model", model, "--requests", requests);
        var after = _sandbox.Run("enforce", "--model", model, "--requests", requests, "--db=other.db");

        Assert.Equal((ExitCodes.Ok, "true\n"), (before.ExitCode, before.Stdout));
        Assert.Equal((ExitCodes.Ok, "true\n"), (after.ExitCode, after.Stdout));
    }

    private CliResult RunRbac(params string[] extra)
    {
        var model = _sandbox.CopyFromCorpus("models/rbac_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/rbac_policy.csv");
        var requests = _sandbox.Write("requests.jsonl", RbacRequests);
        return _sandbox.Run(["enforce", "--model", model, "--policy", policy, "--requests", requests, .. extra]);
    }
}
