using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Commerce;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using ConfigResolver.Usage;

namespace ConfigResolver.Authorization.Tests.Evaluation;

/// <summary>Rules that read <c>team.*</c>, <c>quota.*</c> and <c>usage.*</c>: they can deny, and the cache never answers for them wrongly.</summary>
public sealed class CommerceRuleTests
{
    /// <summary>Shared with <see cref="Reloading.CommerceFeedTests"/>; the shipped policy tests must still pass beside it.</summary>
    internal const string CommerceRules = """
        kind: Rules
        package: commerce
        default: deny
        rules:
          - name: credits-exhausted
            effect: deny
            actions: [agents:write]
            when: ["!('credits_per_month' in quota.unlimited) && usage.credits >= quota.credits_per_month"]
            reason: "credits exhausted: {usage.credits} used of {quota.credits_per_month} this month"
          - name: research-deletes
            effect: deny
            actions: [agents:delete]
            when: ["team.name != '' && team.name != 'research'"]
            reason: "only team research may delete agents; the request's team is '{team.name}'"
          - name: members-of-their-team
            effect: deny
            actions: [agents:read]
            when: ["team.name != '' && !team.member"]
            reason: "not a member of team '{team.name}'"
        """;

    private readonly TenantWorld _world = new();
    private readonly Organization _acme;
    private readonly Guid _admin;
    private readonly Guid _outsider;

    public CommerceRuleTests()
    {
        _acme = _world.Org("acme");
        _admin = _world.Member(_acme, MembershipRole.Admin);
        _outsider = _world.Member(_acme, MembershipRole.Admin);
    }

    public static TheoryData<long, long?, bool> CreditCases => new()
    {
        { 0, 1_000, true },
        { 999, 1_000, true },
        { 1_000, 1_000, false },
        { 1_250, 1_000, false },
        { 1_000_000, null, true },
    };

    [Theory]
    [MemberData(nameof(CreditCases))]
    public void A_rule_denies_on_usage_against_the_plans_quota(long used, long? credits, bool allowed)
    {
        var snapshot = Snapshot(Plan(credits), Used(PlanLimits.CreditsMeter, used));

        var decision = snapshot.Check(Principal.ForUser(_admin), "acme", "agents:write");

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? [] : ["credits-exhausted"], decision.Explain().Rules.Select(static r => r.Name).ToArray());
        Assert.False(snapshot.CachesDecisions);
    }

    [Fact]
    public void The_credit_denial_explains_itself_with_the_used_and_allowed_units()
    {
        var snapshot = Snapshot(Plan(credits: 1_000), Used(PlanLimits.CreditsMeter, 1_000));

        var explanation = snapshot.Check(Principal.ForUser(_admin), "acme", "agents:write").Explain();

        Assert.Contains("credits exhausted: 1000 used of 1000 this month", explanation.Reasons);
    }

    [Fact]
    public void Without_a_plan_the_usage_rule_does_not_fire_and_without_a_usage_reader_it_fails_closed()
    {
        Assert.True(Snapshot(new CommerceState(_acme.Id), Used(PlanLimits.CreditsMeter, 5_000)).Check(Principal.ForUser(_admin), "acme", "agents:write").Allowed);
        Assert.False(Snapshot(Plan(credits: 10), usage: null).Check(Principal.ForUser(_admin), "acme", "agents:write").Allowed);
        Assert.True(Snapshot(Plan(credits: 10), new UsageCounterReader([])).Check(Principal.ForUser(_admin), "acme", "agents:write").Allowed);
    }

    [Fact]
    public void The_requests_team_comes_from_the_context_or_from_the_api_keys_binding()
    {
        var snapshot = Snapshot(Plan(credits: 10), usage: null);
        var key = Principal.ForApiKey("k1", "acme", ["agents:*"], _admin);

        Assert.True(snapshot.Check(Principal.ForUser(_admin), "acme", "agents:delete").Allowed);
        Assert.True(snapshot.Check(Principal.ForUser(_admin), "acme", "agents:delete", context: new CheckContext { Team = "research" }).Allowed);
        Assert.False(snapshot.Check(Principal.ForUser(_admin), "acme", "agents:delete", context: new CheckContext { Team = "sales" }).Allowed);
        Assert.True(snapshot.Check(key, "acme", "agents:delete").Allowed);
        Assert.True(snapshot.Check(key.WithTeam("research"), "acme", "agents:delete").Allowed);
        Assert.False(snapshot.Check(key.WithTeam("sales"), "acme", "agents:delete").Allowed);
        Assert.Equal("research", key.WithTeam("research").Team);
        Assert.Same(key, key.WithTeam(null));
    }

    [Fact]
    public void Team_membership_decides_and_a_cached_answer_for_one_team_is_never_reused_for_another()
    {
        var snapshot = Snapshot(Plan(credits: 10), usage: null);
        var research = new CheckContext { Team = "research" };

        Assert.True(snapshot.Check(Principal.ForUser(_admin), "acme", "agents:read", context: research).Allowed);
        Assert.False(snapshot.Check(Principal.ForUser(_outsider), "acme", "agents:read", context: research).Allowed);
        Assert.True(snapshot.Check(Principal.ForUser(_outsider), "acme", "agents:read").Allowed);
        Assert.False(snapshot.Check(Principal.ForUser(_outsider), "acme", "agents:read", context: research).Allowed);
        Assert.Contains("not a member of team 'research'", snapshot.Check(Principal.ForUser(_outsider), "acme", "agents:read", context: research).Explain().Reasons);
    }

    [Theory]
    [InlineData("quota.credits_per_month == 1000", true)]
    [InlineData("quota.members == 2 && quota.plan_applied", true)]
    [InlineData("'research' in team.teams", true)]
    [InlineData("'acme_default' in team.teams", false)]
    [InlineData("usage.team.credits == 40", true)]
    [InlineData("usage.credits == 700", true)]
    [InlineData("quota.credits_per_month == 999", false)]
    [InlineData("'storage_gb' in quota.unlimited && 'tokens_per_month' in quota.unlimited", true)]
    [InlineData("'basic_analytics' in quota.features", true)]
    [InlineData("'credits_per_month' in quota.unlimited", false)]
    public void Conditions_read_the_plans_limits_the_callers_teams_and_the_months_usage(string condition, bool fires)
    {
        var rules = $"""
            kind: Rules
            package: probe
            default: deny
            rules:
              - name: probe
                effect: deny
                actions: [agents:write]
                when: ["{condition}"]
            """;
        var reader = new UsageCounterReader([KeyValuePair.Create<Guid, IReadOnlyList<UsageCounter>>(_acme.Id, [
            new UsageCounter(null, PlanLimits.CreditsMeter, "2026-03", 690, 10),
            new UsageCounter("research", PlanLimits.CreditsMeter, "2026-03", 40, 0)])]);
        var snapshot = Snapshot(Plan(credits: 1_000), reader, rules);

        Assert.Equal(!fires, snapshot.Check(Principal.ForUser(_admin), "acme", "agents:write", context: new CheckContext { Team = "research" }).Allowed);
    }

    private AuthorizationSnapshot Snapshot(CommerceState commerce, IUsageReader? usage, string rules = CommerceRules) =>
        AuthorizationSnapshot.Create(
            PolicyFiles.Load(("rules/commerce.yaml", rules)),
            _world.Facts(commerce: new Dictionary<Guid, CommerceState> { [_acme.Id] = commerce }),
            new AuthorizationOptions { TimeProvider = TestTime.Fixed, Usage = usage });

    private CommerceState Plan(long? credits) => new(_acme.Id)
    {
        Plan = CommerceFactory.Plan(credits: credits),
        Teams = [new Team("acme_default") { IsDefault = true }, new Team("research") { Members = [_admin], Credits = 100 }],
    };

    private UsageCounterReader Used(string meter, long used) =>
        new([KeyValuePair.Create<Guid, IReadOnlyList<UsageCounter>>(_acme.Id, [new UsageCounter(null, meter, "2026-03", used, 0)])]);
}
