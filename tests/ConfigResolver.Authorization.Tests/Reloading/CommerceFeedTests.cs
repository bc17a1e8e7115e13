using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Commerce;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using ConfigResolver.Usage;

namespace ConfigResolver.Authorization.Tests.Reloading;

/// <summary>Plan, team and usage changes in the store reach rules through the change feed and the usage meter.</summary>
public sealed class CommerceFeedTests : IDisposable
{
    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_plan_a_team_and_consumed_credits_change_the_decisions_of_a_running_service()
    {
        _sandbox.Write("rules/commerce.yaml", Evaluation.CommerceRuleTests.CommerceRules);
        var acme = await _sandbox.OrgAsync("acme");
        var owner = await _sandbox.UserAsync(acme, MembershipRole.Owner);
        var at = TestTime.Fixed.GetUtcNow();
        await using var meter = new UsageMeter(_sandbox.Store, TestTime.Fixed);
        using var service = await AuthorizationService.StartAsync(
            new AuthorizationOptions { PolicyDirectory = _sandbox.Directory, WatchForChanges = false, TimeProvider = TestTime.Fixed, Usage = meter },
            _sandbox.Store,
            _sandbox.Resolver);
        var research = new CheckContext { Team = "research" };
        var user = Principal.ForUser(owner);

        Assert.True(service.Check(user, "acme", "agents:write").Allowed);
        Assert.False(service.Check(user, "acme", "agents:read", context: research).Allowed);

        await _sandbox.Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(credits: 10), false, at));
        await _sandbox.Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, at));
        await _sandbox.Store.ApplyCommerceAsync(CommerceCommand.AddTeamMember(acme.Id, "research", owner));
        await service.WhenChangesAppliedAsync();
        Assert.True(service.Check(user, "acme", "agents:read", context: research).Allowed);
        Assert.True(service.Check(user, "acme", "agents:write").Allowed);

        Assert.True((await meter.TryConsumeAsync(acme.Id, null, PlanLimits.CreditsMeter, 9)).Allowed);
        Assert.Equal(9, meter.GetUsed(acme.Id, null, PlanLimits.CreditsMeter));
        Assert.True(service.Check(user, "acme", "agents:write").Allowed);
        Assert.True((await meter.TryConsumeAsync(acme.Id, null, PlanLimits.CreditsMeter, 1)).Allowed);
        var denied = service.Check(user, "acme", "agents:write");

        Assert.False(denied.Allowed);
        Assert.Equal(["credits-exhausted"], denied.Explain().Rules.Select(static r => r.Name).ToArray());
    }
}
