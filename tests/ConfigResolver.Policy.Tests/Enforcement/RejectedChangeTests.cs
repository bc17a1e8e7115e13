using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

/// <summary>A change the engine refuses leaves the previous snapshot, its rules and its revision in force.</summary>
public sealed class RejectedChangeTests
{
    private const string Policy = "p, alice, data1, read\np, admin, data2, write\ng, bob, admin\ng, admin, super";

    public static TheoryData<string, string, Action<Enforcer>> RejectedChanges() => new()
    {
        { "rule with too few fields", PolicyDiagnosticCodes.PolicyFieldCount, static e => e.AddPolicy("alice", "data3") },
        { "rule with too many fields", PolicyDiagnosticCodes.PolicyFieldCount, static e => e.AddPolicy("alice", "data3", "read", "extra") },
        { "batch with one malformed rule", PolicyDiagnosticCodes.PolicyFieldCount, static e => e.AddPolicies([["carol", "data3", "read"], ["dave"]]) },
        { "link with one field", PolicyDiagnosticCodes.PolicyFieldCount, static e => e.AddGroupingPolicy("carol") },
        { "update to a malformed rule", PolicyDiagnosticCodes.PolicyFieldCount, static e => e.UpdatePolicy(["alice", "data1", "read"], ["alice", "data1"]) },
        { "rule of an unknown type", PolicyDiagnosticCodes.UnknownPolicyType, static e => e.AddNamedPolicy("p7", "carol", "data3", "read") },
        { "removal from an unknown type", PolicyDiagnosticCodes.UnknownPolicyType, static e => e.RemoveNamedPolicy("g3", "bob", "admin") },
        { "link that closes a cycle", PolicyDiagnosticCodes.RoleCycle, static e => e.AddGroupingPolicy("super", "bob") },
        { "role that closes a cycle", PolicyDiagnosticCodes.RoleCycle, static e => e.AddRoleForUser("super", "admin") },
    };

    [Theory]
    [MemberData(nameof(RejectedChanges))]
    public void A_rejected_change_leaves_the_previous_policy_in_force(string change, string code, Action<Enforcer> apply)
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var snapshot = enforcer.Snapshot;
        var rules = enforcer.GetPolicy();
        var links = enforcer.GetGroupingPolicy();

        var diagnostic = Diagnose.Single(() => apply(enforcer));

        Assert.True(code == diagnostic.Code, $"{change}: expected {code}, got {diagnostic}");
        Assert.Same(snapshot, enforcer.Snapshot);
        Assert.Equal(1, enforcer.Revision);
        Expect.Rules(change, rules, enforcer.GetPolicy());
        Expect.Rules(change, links, enforcer.GetGroupingPolicy());
        Assert.True(enforcer.Enforce("bob", "data2", "write"));
        Assert.False(enforcer.Enforce("super", "data2", "write"));
        Assert.False(enforcer.Enforce("carol", "data3", "read"));
    }

    [Fact]
    public void A_change_after_a_rejected_one_gets_the_next_revision()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        Diagnose.Single(() => enforcer.AddPolicy("alice"));

        Assert.True(enforcer.AddPolicy("carol", "data3", "read"));

        Assert.Equal(2, enforcer.Revision);
        Assert.Equal(2, enforcer.EnforceEx("carol", "data3", "read").Revision);
    }

    [Fact]
    public void A_rejected_policy_file_names_every_problem_with_its_line()
    {
        const string Broken = "p, alice, data1, read\np, bob\nx, y, z\ng, a, b\ng, b, a";

        var positions = Diagnose.Positions(() => Enforcer.FromText(Models.Rbac, Broken));

        Assert.Equal([(PolicyDiagnosticCodes.PolicyFieldCount, 2, 1), (PolicyDiagnosticCodes.UnknownPolicyType, 3, 1)], positions);
    }
}
