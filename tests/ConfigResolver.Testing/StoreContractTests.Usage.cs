using ConfigResolver.Commerce;
using ConfigResolver.Usage;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    private const string Month = "2026-03";

    [Fact]
    public async Task Reservations_never_grant_past_the_limit_and_settlements_move_leased_to_consumed()
    {
        var acme = await AddOrganizationAsync("acme");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(apiCalls: 50), false, Time.GetUtcNow()));

        var first = await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, PlanLimits.ApiCallsMeter, Month, 40, 1));
        var partial = await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, PlanLimits.ApiCallsMeter, Month, 40, 1));
        var none = await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, PlanLimits.ApiCallsMeter, Month, 5, 1));
        await Store.ReleaseUsageAsync(new UsageRelease(acme.Id, null, PlanLimits.ApiCallsMeter, Month, Consumed: 30, Returned: 10));
        var afterReturn = await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, PlanLimits.ApiCallsMeter, Month, 20, 20));

        Assert.Equal(new UsageGrant(40, 50, 10) { Used = 40 }, first);
        Assert.Equal(new UsageGrant(10, 50, 0) { Used = 50 }, partial);
        Assert.Equal((0L, 50L), (none.Granted, none.Used));
        Assert.Equal((0L, 40L), (afterReturn.Granted, afterReturn.Used));
        var counter = Assert.Single(await Store.ListUsageAsync(acme.Id, Month));
        Assert.Equal(new UsageCounter(null, PlanLimits.ApiCallsMeter, Month, 30, 10), counter);
    }

    [Fact]
    public async Task A_team_draws_credits_from_its_allocation_and_from_the_organization()
    {
        var acme = await AddOrganizationAsync("acme");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(credits: 100), false, Time.GetUtcNow()));
        await Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", 30, Time.GetUtcNow()));

        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "sales", 80, Time.GetUtcNow())), QuotaDiagnosticCodes.CreditsAllocation);
        var team = await Store.ReserveUsageAsync(new UsageReservation(acme.Id, "research", PlanLimits.CreditsMeter, Month, 50, 1));
        var organization = await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, PlanLimits.CreditsMeter, Month, 100, 1));

        Assert.Equal(30, team.Granted);
        Assert.Equal(70, organization.Granted);
        var counters = await Store.ListUsageAsync(acme.Id, Month);
        Assert.Equal([(null, 100L), ("research", 30L)], counters.Select(c => (c.Team, c.Leased)));
    }

    [Fact]
    public async Task Reserving_an_unknown_meter_or_team_is_refused_and_a_plan_free_organization_is_unlimited()
    {
        var acme = await AddOrganizationAsync("acme");
        var beta = await AddOrganizationAsync("beta");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(), false, Time.GetUtcNow()));

        var meter = await Assert.ThrowsAsync<QuotaException>(async () => await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, "gpu_minutes", Month, 1, 1)));
        var team = await Assert.ThrowsAsync<QuotaException>(async () => await Store.ReserveUsageAsync(new UsageReservation(acme.Id, "ghost", PlanLimits.ApiCallsMeter, Month, 1, 1)));
        var unlimited = await Store.ReserveUsageAsync(new UsageReservation(beta.Id, null, "gpu_minutes", Month, 1_000_000, 1));

        Assert.Equal(QuotaDiagnosticCodes.UnknownMeter, meter.Code);
        Assert.Equal(QuotaDiagnosticCodes.UnknownTeam, team.Code);
        Assert.Equal(new UsageGrant(1_000_000, null, null) { Used = 1_000_000 }, unlimited);
    }

    [Fact]
    public async Task Usage_counters_survive_reopening_the_store()
    {
        if (!PersistsAcrossReopen)
        {
            return;
        }

        var acme = await AddOrganizationAsync("acme");
        await Store.ReserveUsageAsync(new UsageReservation(acme.Id, null, PlanLimits.TokensMeter, Month, 500, 1));
        await Store.ReleaseUsageAsync(new UsageRelease(acme.Id, null, PlanLimits.TokensMeter, Month, 420, 80));
        var reopened = await ReopenStoreAsync(Store);
        try
        {
            Assert.Equal(new UsageCounter(null, PlanLimits.TokensMeter, Month, 420, 0), Assert.Single(await reopened.ListUsageAsync(acme.Id, Month)));
        }
        finally
        {
            await DisposeStoreAsync(reopened);
        }
    }
}
