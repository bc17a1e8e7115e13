using System.Xml.Linq;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>cfgr policy test --output junit</c>: valid JUnit XML on standard output, one failure element per failing case.</summary>
public sealed class PolicyTestJUnitTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void JUnit_output_counts_every_case_and_marks_each_failure()
    {
        var dir = _sandbox.CopyShippedPolicies();
        _sandbox.Write("policies/tests/wrong_test.yaml", """
            kind: PolicyTest
            name: deliberately wrong
            fixtures:
              orgs:
                acme: {}
              users:
                vic: {}
              memberships:
                - { user: vic, org: acme, role: viewer }
            cases:
              - name: viewer writes agents <really>
                input: { user: vic, org: acme, action: agents:write }
                expect: allow
              - name: viewer reads agents
                input: { user: vic, org: acme, action: agents:read }
                expect: allow
            """);

        var result = _sandbox.Run("policy", "test", dir, "--output", "junit", "--filter", "deliberately");

        Golden.Match("policy_test_junit", result);
        Assert.Equal(ExitCodes.TestsFailed, result.ExitCode);
        var xml = XDocument.Parse(result.Stdout);
        var suites = xml.Root!;
        Assert.Equal(("testsuites", "2", "1"), (suites.Name.LocalName, suites.Attribute("tests")!.Value, suites.Attribute("failures")!.Value));
        var cases = suites.Descendants("testcase").ToList();
        Assert.Equal(["viewer writes agents <really>", "viewer reads agents"], cases.Select(static c => c.Attribute("name")!.Value));
        var failure = Assert.Single(suites.Descendants("failure"));
        Assert.Equal("expected allow, got deny", failure.Attribute("message")!.Value);
        Assert.Equal("policies/tests/wrong_test.yaml", cases[0].Attribute("file")!.Value);
    }

    [Fact]
    public void JUnit_output_of_a_passing_run_has_no_failures()
    {
        var dir = _sandbox.CopyShippedPolicies();

        var result = _sandbox.Run("policy", "test", dir, "--output", "junit");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var xml = XDocument.Parse(result.Stdout);
        Assert.Equal("0", xml.Root!.Attribute("failures")!.Value);
        Assert.Empty(xml.Descendants("failure"));
        Assert.Equal(_sandbox.Run("policy", "test", dir, "--json").Stdout.Split("\"passed\":")[1].Split(',')[0], xml.Root.Attribute("tests")!.Value);
    }
}
