using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Authorization.Tests.Evaluation;

/// <summary>An explanation explains the decision it belongs to: the instant the check read, not the clock's now.</summary>
public sealed class ExplanationInstantTests
{
    // Deploys are allowed from 09:00 to 10:00 UTC on the day the test clock starts (09:30).
    private const string WindowRules = """
        kind: Rules
        package: deploy.window
        default: deny
        rules:
          - name: outside-deploy-window
            effect: deny
            when: ["action == 'agents:write'", "!timeMatch('2026-01-15 09:00:00', '2026-01-15 10:00:00')"]
            reason: "deploys happen between 09:00 and 10:00"
          - name: context-after-ten
            effect: deny
            when: ["action == 'agents:delete'", "context.time >= '2026-01-15T10:00:00Z'"]
            reason: "deletes stop at 10:00"
        """;

    private readonly TenantWorld _world = new();
    private readonly Guid _admin;

    public ExplanationInstantTests()
    {
        _admin = _world.Member(_world.Org("acme"), MembershipRole.Admin);
    }

    public static TheoryData<string, string> TimeDependentActions() => new()
    {
        { "agents:write", "outside-deploy-window" },
        { "agents:delete", "context-after-ten" },
    };

    [Theory]
    [MemberData(nameof(TimeDependentActions))]
    public void Explanation_uses_the_instant_of_the_check_when_the_clock_has_moved_on(string action, string rule)
    {
        var clock = TestTime.CreateClock();
        var snapshot = _world.Snapshot(PolicyFiles.Load(clock, ("rules/window.yaml", WindowRules)), clock: clock);
        var principal = Principal.ForUser(_admin);

        var inside = snapshot.Check(principal, "acme", action);
        clock.Advance(TimeSpan.FromHours(1));
        var explanation = inside.Explain();
        var outside = snapshot.Check(principal, "acme", action);

        // The rule really depends on the time: the same check an hour later is denied by it.
        Assert.False(snapshot.CachesDecisions);
        Assert.Equal((true, false), (inside.Allowed, outside.Allowed));
        Assert.Equal(rule, Assert.Single(outside.Rules).Name);

        // The first decision, explained after the clock moved, is still explained at 09:30 and still allows.
        Assert.Equal(TestTime.Start, inside.Time);
        Assert.True(explanation.Allowed);
        Assert.Null(explanation.WhyNot);
        Assert.DoesNotContain(explanation.Rules, r => r.Name == rule);
        Assert.Equal(TestTime.Start.AddHours(1), outside.Time);
    }

    [Fact]
    public void A_denial_explained_later_still_names_the_rule_that_denied_it()
    {
        // 08:30, before the window; explained at 09:30, inside it.
        var clock = new FakeTimeProvider(TestTime.Start.AddHours(-1));
        var snapshot = _world.Snapshot(PolicyFiles.Load(clock, ("rules/window.yaml", WindowRules)), clock: clock);

        var denied = snapshot.Check(Principal.ForUser(_admin), "acme", "agents:write");
        clock.Advance(TimeSpan.FromHours(1));

        Assert.False(denied.Allowed);
        Assert.Equal((false, "outside-deploy-window"), (denied.Explain().Allowed, Assert.Single(denied.Explain().Rules).Name));
    }

    [Fact]
    public void A_rule_set_that_reads_no_time_keeps_no_instant()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load());

        var decision = snapshot.Check(Principal.ForUser(_admin), "acme", "agents:write");

        Assert.True(decision.Allowed);
        Assert.Null(decision.Time);
    }
}
