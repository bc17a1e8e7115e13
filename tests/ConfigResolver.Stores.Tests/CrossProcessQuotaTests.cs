using ConfigResolver.Commerce;
using ConfigResolver.Stores.Tests.Support;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using ConfigResolver.Usage;

namespace ConfigResolver.Stores.Tests;

/// <summary>
/// Quotas across real OS processes on one store: two probes race for a startup organization's 5th seat (the 5th and 6th
/// members), and two probes consume one meter until it is refused; the store must let exactly one member in, and the
/// consumptions must never exceed the limit and stop within the lease bound.
/// </summary>
[Collection(StoresPostgresServerGroup.Name)]
public sealed class CrossProcessQuotaTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-xquota-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_processes_adding_the_5th_and_6th_member_of_a_startup_organization_let_exactly_one_in(string kind)
    {
        var locator = await LocatorAsync(kind);
        await using var writer = await TenantStoreLocator.OpenAsync(locator);
        var admin = writer.Administration;
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        var acme = (await writer.Store.FindOrganizationBySlugAsync("acme"))!;
        await writer.Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan("startup", members: 5), false, DateTimeOffset.UtcNow, "acme_default"));
        for (var i = 1; i <= 6; i++)
        {
            await admin.AddUserAsync($"u{i}@acme.example", null);
        }

        for (var i = 1; i <= 4; i++)
        {
            await admin.SetMembershipAsync("acme", $"u{i}@acme.example", i == 1 ? MembershipRole.Owner : MembershipRole.Member);
        }

        await using var fifth = ProbeProcess.Start("add-member", locator, "acme", "u5@acme.example");
        await using var sixth = ProbeProcess.Start("add-member", locator, "acme", "u6@acme.example");
        await fifth.WaitForLineAsync(static l => l == "ready");
        await sixth.WaitForLineAsync(static l => l == "ready");
        await Task.WhenAll(fifth.SendAsync("go"), sixth.SendAsync("go"));
        string[] outcomes =
        [
            await fifth.WaitForLineAsync(static l => l == "ok" || l.StartsWith("refused", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
            await sixth.WaitForLineAsync(static l => l == "ok" || l.StartsWith("refused", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
        ];

        Assert.Single(outcomes, static o => o == "ok");
        Assert.Single(outcomes, static o => o == "refused " + QuotaDiagnosticCodes.MembersLimit);
        var organization = (await writer.Store.FindOrganizationBySlugAsync("acme"))!;
        Assert.Equal(5, (await writer.Store.ListMembershipsOfOrganizationAsync(organization.Id)).Length);
    }

    [Fact]
    public async Task Two_processes_consuming_one_meter_never_exceed_its_limit_and_the_store_holds_exactly_what_they_consumed()
    {
        const long limit = 600;
        var locator = await LocatorAsync("sqlite");
        await using var writer = await TenantStoreLocator.OpenAsync(locator);
        await writer.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        var organization = (await writer.Store.FindOrganizationBySlugAsync("acme"))!;
        await writer.Store.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, CommerceFactory.Plan(apiCalls: limit), false, DateTimeOffset.UtcNow.AddMinutes(-1)));

        await using var first = ProbeProcess.Start("consume", locator, "acme", PlanLimits.ApiCallsMeter);
        await using var second = ProbeProcess.Start("consume", locator, "acme", PlanLimits.ApiCallsMeter);
        await first.WaitForLineAsync(static l => l == "ready");
        await second.WaitForLineAsync(static l => l == "ready");
        await Task.WhenAll(first.SendAsync("go"), second.SendAsync("go"));
        var total = 0L;
        foreach (var probe in new[] { first, second })
        {
            var line = await probe.WaitForLineAsync(static l => l.StartsWith("allowed ", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
            total += long.Parse(line["allowed ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }

        // Each probe leases at most 64 units (MaxLease): a refusal can leave at most the other's lease unused.
        Assert.InRange(total, limit - 64, limit);
        var counters = await writer.Store.ListUsageAsync(organization.Id, UsageRules.PeriodOf(DateTimeOffset.UtcNow));
        var counter = Assert.Single(counters);
        Assert.Equal((total, 0L), (counter.Consumed, counter.Leased));
    }

    private async Task<string> LocatorAsync(string kind) => kind == "sqlite" ? Path.Combine(_folder, "tenancy.db") : await fixture.Server.CreateDatabaseAsync();
}
