using ConfigResolver.Commerce;
using ConfigResolver.Storage;
using ConfigResolver.Testing;
using ConfigResolver.Usage;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Tests.Commerce;

public sealed class UsageMeterTests
{
    private readonly FakeTimeProvider _time = TestTime.CreateClock();
    private readonly InMemoryTenantStore _store;

    public UsageMeterTests() => _store = new InMemoryTenantStore(timeProvider: _time);

    [Fact]
    public async Task One_instance_consumes_exactly_up_to_the_limit_and_settles_what_it_consumed()
    {
        var acme = await OrganizationAsync(apiCalls: 1_000);
        long allowed = 0;
        await using (var meter = new UsageMeter(_store, _time))
        {
            while ((await meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 3)).Allowed)
            {
                allowed += 3;
            }

            var last = await meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 1);
            Assert.True(last.Allowed);
            Assert.Equal(0, last.Remaining);
        }

        Assert.Equal(999, allowed);
        Assert.Equal(new UsageCounter(null, PlanLimits.ApiCallsMeter, Period(), 1_000, 0), Assert.Single(await _store.ListUsageAsync(acme, Period())));
    }

    [Fact]
    public async Task A_new_month_starts_from_zero_and_settles_the_old_months_lease()
    {
        var acme = await OrganizationAsync(apiCalls: 10);
        var meter = new UsageMeter(_store, _time);
        var march = Period();
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 1)).Allowed);
        }

        Assert.False((await meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 1)).Allowed);
        var now = _time.GetUtcNow();
        _time.Advance(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) - now);

        Assert.True((await meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 4)).Allowed);
        await meter.DisposeAsync();

        Assert.NotEqual(march, Period());
        Assert.Equal(10, Assert.Single(await _store.ListUsageAsync(acme, march)).Consumed);
        Assert.Equal(4, Assert.Single(await _store.ListUsageAsync(acme, Period())).Consumed);
    }

    [Fact]
    public async Task A_consumption_inside_a_lease_completes_synchronously()
    {
        var acme = await OrganizationAsync(apiCalls: null);
        var meter = new UsageMeter(_store, _time);
        await meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 1);

        var pending = meter.TryConsumeAsync(acme, null, PlanLimits.ApiCallsMeter, 1);
        var completed = pending.IsCompletedSuccessfully;

        Assert.Equal(new UsageDecision(true, null), await pending);
        Assert.True(completed);
    }

    [Fact]
    public async Task A_team_is_refused_past_its_credit_allocation_while_the_organization_has_credits_left()
    {
        var acme = await OrganizationAsync(apiCalls: 10, credits: 100);
        await _store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme, "research", 20, _time.GetUtcNow()));
        await using var meter = new UsageMeter(_store, _time);

        Assert.True((await meter.TryConsumeAsync(acme, "research", PlanLimits.CreditsMeter, 20)).Allowed);
        Assert.False((await meter.TryConsumeAsync(acme, "research", PlanLimits.CreditsMeter, 1)).Allowed);
        Assert.True((await meter.TryConsumeAsync(acme, null, PlanLimits.CreditsMeter, 80)).Allowed);
        Assert.False((await meter.TryConsumeAsync(acme, null, PlanLimits.CreditsMeter, 1)).Allowed);
    }

    private string Period() => UsageRules.PeriodOf(_time.GetUtcNow());

    private async Task<Guid> OrganizationAsync(long? apiCalls, long? credits = 100)
    {
        var organization = TenantFactory.Organization("acme", _time);
        await _store.CreateOrganizationAsync(organization);
        await _store.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, CommerceFactory.Plan(apiCalls: apiCalls, credits: credits), false, _time.GetUtcNow()));
        return organization.Id;
    }
}
