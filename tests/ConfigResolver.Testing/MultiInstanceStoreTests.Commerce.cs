using ConfigResolver.Commerce;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;

namespace ConfigResolver.Testing;

public abstract partial class MultiInstanceStoreTests
{
    [Fact]
    public async Task Two_instances_racing_for_the_last_member_slot_let_exactly_one_in()
    {
        var organization = TenantFactory.Organization("acme", Time);
        await A.CreateOrganizationAsync(organization);
        await A.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, CommerceFactory.Plan("startup", members: 5), false, Time.GetUtcNow()));
        for (var i = 0; i < 4; i++)
        {
            var user = TenantFactory.User($"member{i}@acme.test", Time);
            await A.CreateUserAsync(user);
            await A.SetMembershipAsync(new Membership(organization.Id, user.Id, i == 0 ? MembershipRole.Owner : MembershipRole.Member));
        }

        var (fifth, sixth) = (TenantFactory.User("fifth@acme.test", Time), TenantFactory.User("sixth@acme.test", Time));
        await A.CreateUserAsync(fifth);
        await A.CreateUserAsync(sixth);

        var outcomes = await RaceAsync(
            () => A.SetMembershipAsync(new Membership(organization.Id, fifth.Id, MembershipRole.Member)),
            () => B.SetMembershipAsync(new Membership(organization.Id, sixth.Id, MembershipRole.Member)));

        Assert.Equal(QuotaDiagnosticCodes.MembersLimit, Assert.IsType<QuotaException>(Assert.Single(outcomes, o => o is not null)).Code);
        Assert.Equal(5, (await B.ListMembershipsOfOrganizationAsync(organization.Id)).Length);
    }

    [Fact]
    public async Task Four_meters_on_two_instances_never_exceed_the_limit_and_stop_within_the_lease_bound()
    {
        const long limit = 2_000;
        var options = new UsageMeterOptions { InitialLease = 8, MaxLease = 64 };
        var organization = TenantFactory.Organization("acme", Time);
        await A.CreateOrganizationAsync(organization);
        await A.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, CommerceFactory.Plan(apiCalls: limit), false, Time.GetUtcNow()));
        var meters = new[] { A, B, A, B }.Select(store => new UsageMeter(store, Time, options)).ToArray();

        // Each consumer takes one unit at a time until it is refused.
        var allowed = await Task.WhenAll(meters.Select(meter => Task.Run(async () =>
        {
            long count = 0;
            while ((await meter.TryConsumeAsync(organization.Id, null, PlanLimits.ApiCallsMeter, 1)).Allowed)
            {
                count++;
            }

            return count;
        })));
        foreach (var meter in meters)
        {
            await meter.DisposeAsync();
        }

        var total = allowed.Sum();
        Assert.InRange(total, limit - (meters.Length * options.MaxLease), limit);
        var counter = Assert.Single(await B.ListUsageAsync(organization.Id, UsageRules.PeriodOf(Time.GetUtcNow())));
        Assert.Equal((total, 0L), (counter.Consumed, counter.Leased));
    }
}
