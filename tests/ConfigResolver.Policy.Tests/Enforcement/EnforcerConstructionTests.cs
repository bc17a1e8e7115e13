using System.Text;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class EnforcerConstructionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cfgr-policy-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Enforcer_loads_model_and_policy_files()
    {
        var (model, policy) = (Write("model.conf", Models.Rbac), Write("policy.csv", "p, admin, data1, read\ng, alice, admin"));

        var enforcer = new Enforcer(model, policy);

        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void Enforcer_without_a_policy_file_starts_with_no_rules()
    {
        var enforcer = new Enforcer(Write("model.conf", Models.Basic));

        Assert.Empty(enforcer.GetPolicy());
        Assert.False(enforcer.Enforce("alice", "data1", "read"));
    }

    [Fact]
    public void Diagnostics_of_a_policy_file_name_that_file()
    {
        var policy = Write("policy.csv", "p, alice, data1, read\np, bob");

        var diagnostic = Diagnose.Single(() => _ = new Enforcer(Write("model.conf", Models.Basic), policy));

        Assert.Equal((PolicyDiagnosticCodes.PolicyFieldCount, policy, 2), (diagnostic.Code, diagnostic.File, diagnostic.Line));
    }

    [Fact]
    public void Diagnostics_of_a_model_file_name_that_file()
    {
        var model = Write("model.conf", Models.BasicWithMatcher("r.sub == p.nope"));

        var diagnostic = Diagnose.Single(() => _ = new Enforcer(model));

        Assert.Equal((PolicyDiagnosticCodes.UnknownToken, model, 11, 14), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void FromStreams_reads_utf8_model_and_policy()
    {
        using var model = new MemoryStream(Encoding.UTF8.GetBytes(Models.Basic));
        using var policy = new MemoryStream(Encoding.UTF8.GetBytes("p, zoë, données, lire"));

        var enforcer = Enforcer.FromStreams(model, policy);

        Assert.True(enforcer.Enforce("zoë", "données", "lire"));
    }

    [Fact]
    public void A_parsed_model_and_policy_lines_build_an_enforcer()
    {
        var model = PolicyModel.Parse(Models.Basic, "in-memory");

        var enforcer = new Enforcer(model, [new PolicyLine("p", ["alice", "data1", "read"], 0)], "rules");

        Assert.Same(model, enforcer.Model);
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
    }

    [Theory]
    [InlineData("2026-01-01 00:00:00", false)]
    [InlineData("2026-06-15 12:00:00", true)]
    [InlineData("2027-01-01 00:00:00", false)]
    public void Time_functions_read_the_clock_given_in_the_options(string now, bool expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now + "Z", System.Globalization.CultureInfo.InvariantCulture));
        var model = Models.BasicWithMatcher("r.sub == p.sub && timeMatch(p.obj, p.act)");

        var enforcer = Enforcer.FromText(model, "p, alice, 2026-03-01 00:00:00, 2026-09-01 00:00:00", new EnforcerOptions { TimeProvider = clock });

        Assert.Equal(expected, enforcer.Enforce("alice", "x", "y"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
