using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Policy.Tests.Compilation;

/// <summary>The snapshot build's named stages, run one at a time on a build as <see cref="PolicySnapshotBuilder.Build(SnapshotBuild)"/> runs them.</summary>
public sealed class SnapshotStageTests
{
    private const string Model = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act, priority

        [role_definition]
        g = _, _

        [policy_effect]
        e = priority(p.eft) || deny

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    [Fact]
    public void The_stages_are_listed_once_in_build_order()
    {
        Assert.Equal(
            ["CompileModel", "ValidateLines", "OrderRules", "BuildRoleManagers", "Publish"],
            PolicySnapshotBuilder.Stages.Select(static s => s.Name));
    }

    [Fact]
    public void Each_stage_adds_its_artifact_and_ordering_sorts_by_priority()
    {
        var build = Build("p, bob, data, read, 20\np, alice, data, read, 10\ng, carol, alice\n");

        RunUpTo(build, "CompileModel");
        Assert.NotNull(build.Compiled);
        Assert.Null(build.ByType);

        RunUpTo(build, "ValidateLines");
        Assert.Equal(2, build.ByType!["p"].Count);

        RunUpTo(build, "OrderRules");
        Assert.Equal(["alice", "bob"], build.Rules!["p"].Items.Select(static r => r[0]));

        RunUpTo(build, "BuildRoleManagers");
        Assert.NotNull(build.RoleManagers);
        Assert.Null(build.Snapshot);

        RunUpTo(build, "Publish");
        Assert.True(build.Snapshot!.Enforce("carol", "data", "read"));
        Assert.False(build.Snapshot.Enforce("carol", "data", "write"));
    }

    public static TheoryData<string, string, string> StageErrors() => new()
    {
        { "p, alice, data\n", "ValidateLines", PolicyDiagnosticCodes.PolicyFieldCount },
        { "x, alice, data, read, 1\n", "ValidateLines", PolicyDiagnosticCodes.UnknownPolicyType },
        { "g, a, b\ng, b, a\n", "BuildRoleManagers", PolicyDiagnosticCodes.RoleCycle },
    };

    [Theory]
    [MemberData(nameof(StageErrors))]
    public void A_stage_that_stops_on_errors_throws_with_its_problems_and_publishes_nothing(string policy, string failing, string code)
    {
        var build = Build(policy);

        var e = Assert.Throws<PolicyCompilationException>(() => RunUpTo(build, failing));

        Assert.Contains(e.Diagnostics, d => d.Code == code);
        Assert.Null(build.Snapshot);
    }

    private static SnapshotBuild Build(string policy)
    {
        var diagnostics = new List<Diagnostic>();
        var model = PolicyModel.Parse(Model, "m.conf");
        var lines = PolicyCsv.Parse(policy, "p.csv", diagnostics);
        Assert.Empty(diagnostics);
        return new SnapshotBuild(model, lines, "p.csv", EnforcerSettings.From(new EnforcerOptions()), revision: 1);
    }

    // Runs the stages that have not run yet, up to and including the named one.
    private static void RunUpTo(SnapshotBuild build, string name)
    {
        foreach (var stage in PolicySnapshotBuilder.Stages)
        {
            var done = stage.Name switch
            {
                "CompileModel" => build.Compiled is not null,
                "ValidateLines" => build.ByType is not null,
                "OrderRules" => build.Rules is not null,
                "BuildRoleManagers" => build.RoleManagers is not null,
                _ => build.Snapshot is not null,
            };
            if (!done)
            {
                PolicySnapshotBuilder.Run(stage, build);
            }

            if (stage.Name == name)
            {
                return;
            }
        }
    }
}
