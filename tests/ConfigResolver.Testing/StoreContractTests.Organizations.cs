using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Created_organization_reads_back_by_id_and_slug_with_every_field()
    {
        var organization = TenantFactory.Organization("acme", Time, """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-123"}}}}}""") with
        {
            Plan = "pro",
            Status = OrganizationStatus.Trial,
            Metadata = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("region", "eu")]),
        };

        await Store.CreateOrganizationAsync(organization);

        Assert.Equal(organization, await Store.GetOrganizationAsync(organization.Id));
        Assert.Equal(organization, await Store.FindOrganizationBySlugAsync("acme"));
        Assert.Contains("sk-acme-123", (await Store.FindOrganizationBySlugAsync("acme"))!.Config.RevealJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_organization_reads_as_null_and_has_no_members()
    {
        var unknown = Guid.NewGuid();

        Assert.Null(await Store.GetOrganizationAsync(unknown));
        Assert.Null(await Store.FindOrganizationBySlugAsync("nobody"));
        Assert.Empty(await Store.ListMembershipsOfOrganizationAsync(unknown));
        Assert.Empty(await Store.ListMembershipsOfUserAsync(unknown));
        Assert.Null(await Store.GetUserAsync(unknown));
    }

    [Fact]
    public async Task Organizations_are_listed_by_slug()
    {
        await AddOrganizationAsync("zeta");
        await AddOrganizationAsync("alpha");
        await AddOrganizationAsync("mid-1");

        var slugs = (await Store.ListOrganizationsAsync()).Select(o => o.Slug);

        Assert.Equal(["alpha", "mid-1", SystemSlug, "zeta"], slugs);
    }

    [Fact]
    public async Task Update_replaces_the_organization()
    {
        var organization = await AddOrganizationAsync("acme");
        Time.Advance(TimeSpan.FromMinutes(5));
        var updated = organization with { Name = "Acme Ltd", Status = OrganizationStatus.Suspended, UpdatedAt = Time.GetUtcNow(), Config = OrgConfigDocument.Parse("""{"version":1,"metadata":{"description":"x"}}""") };

        await Store.UpdateOrganizationAsync(updated);

        Assert.Equal(updated, await Store.GetOrganizationAsync(organization.Id));
    }

    [Fact]
    public async Task Create_with_a_taken_slug_is_rejected_and_changes_nothing()
    {
        await AddOrganizationAsync("acme");

        await AssertRejectedAsync(() => Store.CreateOrganizationAsync(TenantFactory.Organization("acme", Time)), DiagnosticCodes.DuplicateSlug, "/slug");
    }

    [Fact]
    public async Task Create_with_the_system_slug_is_rejected()
    {
        await AssertRejectedAsync(() => Store.CreateOrganizationAsync(TenantFactory.Organization(SystemSlug, Time)), DiagnosticCodes.DuplicateSlug, "/slug");
    }

    [Fact]
    public async Task Create_with_a_taken_id_is_rejected()
    {
        var organization = await AddOrganizationAsync("acme");

        await AssertRejectedAsync(() => Store.CreateOrganizationAsync(TenantFactory.Organization("other", Time) with { Id = organization.Id }), DiagnosticCodes.DuplicateId, "/id");
    }

    [Theory]
    [InlineData("slug")]
    [InlineData("is_system")]
    [InlineData("created_at")]
    public async Task Update_that_changes_an_immutable_field_is_rejected(string field)
    {
        var organization = await AddOrganizationAsync("acme");
        var changed = field switch
        {
            "slug" => organization with { Slug = "acme-2" },
            "is_system" => organization with { IsSystem = true },
            _ => organization with { CreatedAt = organization.CreatedAt.AddDays(-1) },
        };

        await AssertRejectedAsync(() => Store.UpdateOrganizationAsync(changed), DiagnosticCodes.ImmutableField, "/" + field);
    }

    [Fact]
    public async Task Update_of_an_unknown_organization_is_rejected()
    {
        await AssertRejectedAsync(() => Store.UpdateOrganizationAsync(TenantFactory.Organization("ghost", Time)), DiagnosticCodes.UnknownOrganization, null);
    }

    [Fact]
    public async Task Delete_of_an_unknown_organization_is_rejected()
    {
        await AssertRejectedAsync(() => Store.DeleteOrganizationAsync(Guid.NewGuid()), DiagnosticCodes.UnknownOrganization, null);
    }

    [Fact]
    public async Task Delete_removes_the_organization_its_memberships_and_its_signup_key()
    {
        var (organization, owner) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        await Store.UpdateOrganizationAsync(organization with { Config = OrgConfigDocument.Parse(TenantFactory.ConfigWithSignupKey("join-acme-2026")) });

        await Store.DeleteOrganizationAsync(organization.Id);

        Assert.Null(await Store.GetOrganizationAsync(organization.Id));
        Assert.Null(await Store.FindOrganizationBySlugAsync("acme"));
        Assert.Empty(await Store.ListMembershipsOfUserAsync(owner.Id));
        Assert.Null(await Store.FindOrganizationBySignupKeyAsync(SignupKeyHash.Compute("join-acme-2026")));
        Assert.Null((await Store.GetUserAsync(owner.Id))!.DefaultOrganizationId);
        await AddOrganizationAsync("acme");
    }

    [Fact]
    public async Task Canceled_write_changes_nothing()
    {
        var before = await StoreDump.CaptureAsync(Store);
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.CreateOrganizationAsync(TenantFactory.Organization("acme", Time), canceled.Token));

        Assert.Equal(before, await StoreDump.CaptureAsync(Store));
    }
}
