using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Open_creates_exactly_one_active_system_organization_with_the_configured_slug()
    {
        var all = await Store.ListOrganizationsAsync();

        var system = Assert.Single(all);
        Assert.True(system.IsSystem);
        Assert.Equal(SystemSlug, system.Slug);
        Assert.Equal(OrganizationStatus.Active, system.Status);
        Assert.Equal(OrgConfigDocument.Empty, system.Config);
        Assert.Equal(Time.GetUtcNow(), system.CreatedAt);
        Assert.Equal(system, await Store.GetSystemOrganizationAsync());
        Assert.Equal(system, await Store.FindOrganizationBySlugAsync(SystemSlug));
    }

    [Fact]
    public async Task Reopening_never_creates_a_second_system_organization()
    {
        var system = await Store.GetSystemOrganizationAsync();
        await AddOrganizationAsync("acme");
        Time.Advance(TimeSpan.FromDays(1));

        var reopened = await ReopenStoreAsync(Store);
        try
        {
            var all = await reopened.ListOrganizationsAsync();
            var reopenedSystem = Assert.Single(all, o => o.IsSystem);
            if (PersistsAcrossReopen)
            {
                Assert.Equal(system, reopenedSystem);
                Assert.Contains(all, o => o.Slug == "acme");
            }
            else
            {
                Assert.NotEqual(system.Id, reopenedSystem.Id);
                Assert.DoesNotContain(all, o => o.Slug == "acme");
            }
        }
        finally
        {
            if (!ReferenceEquals(reopened, Store))
            {
                await DisposeStoreAsync(reopened);
            }
        }
    }

    [Theory]
    [InlineData(OrganizationStatus.Suspended)]
    [InlineData(OrganizationStatus.Trial)]
    public async Task System_organization_cannot_leave_the_active_status(OrganizationStatus status)
    {
        var system = await Store.GetSystemOrganizationAsync();

        await AssertRejectedAsync(() => Store.UpdateOrganizationAsync(system with { Status = status }), DiagnosticCodes.SystemOrganizationMustStayActive, "/status");
    }

    [Fact]
    public async Task System_organization_cannot_be_deleted()
    {
        var system = await Store.GetSystemOrganizationAsync();

        await AssertRejectedAsync(() => Store.DeleteOrganizationAsync(system.Id), DiagnosticCodes.SystemOrganizationUndeletable, null);
    }
}
