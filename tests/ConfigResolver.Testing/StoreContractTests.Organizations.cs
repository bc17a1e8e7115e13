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

    [Fact]
    public async Task Signup_key_hash_finds_its_organization_and_nothing_else()
    {
        var organization = await AddOrganizationAsync("acme", TenantFactory.ConfigWithSignupKey("join-acme-2026"));

        Assert.Equal(organization.Id, (await Store.FindOrganizationBySignupKeyAsync(SignupKeyHash.Compute("join-acme-2026")))?.Id);
        Assert.Null(await Store.FindOrganizationBySignupKeyAsync(SignupKeyHash.Compute("join-ACME-2026")));
    }

    [Fact]
    public async Task Create_with_a_signup_key_another_organization_uses_is_rejected()
    {
        await AddOrganizationAsync("acme", TenantFactory.ConfigWithSignupKey("join-acme-2026"));

        await AssertRejectedAsync(
            () => Store.CreateOrganizationAsync(TenantFactory.Organization("copycat", Time, TenantFactory.ConfigWithSignupKey("join-acme-2026"))),
            DiagnosticCodes.DuplicateSignupKey,
            "/features/signup_key");
    }

    [Fact]
    public async Task Update_to_a_signup_key_another_organization_uses_is_rejected()
    {
        await AddOrganizationAsync("acme", TenantFactory.ConfigWithSignupKey("join-acme-2026"));
        var other = await AddOrganizationAsync("other");

        await AssertRejectedAsync(
            () => Store.UpdateOrganizationAsync(other with { Config = OrgConfigDocument.Parse(TenantFactory.ConfigWithSignupKey("join-acme-2026")) }),
            DiagnosticCodes.DuplicateSignupKey,
            "/features/signup_key");
    }

    [Fact]
    public async Task Changing_a_signup_key_frees_the_old_one()
    {
        var acme = await AddOrganizationAsync("acme", TenantFactory.ConfigWithSignupKey("old-key-123"));
        await Store.UpdateOrganizationAsync(acme with { Config = OrgConfigDocument.Parse(TenantFactory.ConfigWithSignupKey("new-key-456")) });
        await Store.UpdateOrganizationAsync(acme with { Config = OrgConfigDocument.Parse(TenantFactory.ConfigWithSignupKey("new-key-456")), Name = "same key kept" });

        Assert.Null(await Store.FindOrganizationBySignupKeyAsync(SignupKeyHash.Compute("old-key-123")));
        var other = await AddOrganizationAsync("other", TenantFactory.ConfigWithSignupKey("old-key-123"));
        Assert.Equal(other.Id, (await Store.FindOrganizationBySignupKeyAsync(SignupKeyHash.Compute("old-key-123")))?.Id);
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
