using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using ConfigResolver.Tests.Resolution;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Tenancy;

public sealed class TenantAdministrationTests : IDisposable
{
    private readonly ResolverHarness _harness = ResolverHarness.Create();

    private TenantAdministration Admin => _harness.Admin;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Created_organization_gets_its_times_from_the_time_provider()
    {
        var organization = await Admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", Plan = "pro", Status = OrganizationStatus.Trial });

        Assert.Equal(organization, await _harness.Store.FindOrganizationBySlugAsync("acme"));
        Assert.Equal((_harness.Time.GetUtcNow(), _harness.Time.GetUtcNow()), (organization.CreatedAt, organization.UpdatedAt));
        Assert.Equal(("pro", OrganizationStatus.Trial, false), (organization.Plan, organization.Status, organization.IsSystem));
    }

    [Fact]
    public async Task Create_reports_every_problem_at_once_and_stores_nothing()
    {
        var exception = await AssertRejectedAsync(
            () => Admin.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                Slug = "Acme Corp",
                Name = " ",
                ConfigJson = """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-SECRET-VALUE","base_url":"localhost:8080"}}}}}""",
            }),
            DiagnosticCodes.InvalidSlug,
            "/slug");

        Assert.Equal(
            [(DiagnosticCodes.InvalidUrl, "/setups/default/providers/openai/base_url"), (DiagnosticCodes.InvalidSlug, "/slug"), (DiagnosticCodes.InvalidField, "/name")],
            exception.Diagnostics.Select(d => (d.Code, d.Pointer)).OrderBy(p => p.Code, StringComparer.Ordinal));
        Assert.DoesNotContain("sk-SECRET-VALUE", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_a_taken_slug_is_rejected()
    {
        await _harness.CreateOrganizationAsync("acme");

        await AssertRejectedAsync(() => _harness.CreateOrganizationAsync("acme"), DiagnosticCodes.DuplicateSlug, "/slug");
    }

    [Fact]
    public async Task Signup_key_already_used_by_another_organization_is_rejected_without_naming_either()
    {
        await _harness.CreateOrganizationAsync("acme", TenantFactory.ConfigWithSignupKey("join-acme-2026"));

        var exception = await AssertRejectedAsync(() => _harness.CreateOrganizationAsync("copycat", TenantFactory.ConfigWithSignupKey("join-acme-2026")), DiagnosticCodes.DuplicateSignupKey, "/features/signup_key");

        Assert.DoesNotContain("join-acme-2026", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'acme'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_a_config_that_keeps_the_organizations_own_signup_key_is_allowed()
    {
        await _harness.CreateOrganizationAsync("acme", TenantFactory.ConfigWithSignupKey("join-acme-2026"));

        var updated = await Admin.SetConfigAsync("acme", """{"version":1,"features":{"signup_enabled":true,"signup_key":"join-acme-2026"},"metadata":{"description":"d"}}""");

        Assert.Equal("d", (await _harness.Resolver.ResolveAsync("acme")).Metadata.Description);
        Assert.True(updated.Config.SignupEnabled);
    }

    [Fact]
    public async Task Invalid_json_is_rejected_with_line_and_column_and_changes_nothing()
    {
        await _harness.CreateOrganizationAsync("acme");

        var exception = await AssertRejectedAsync(() => Admin.SetConfigAsync("acme", "{\n  \"version\": 1,\n  \"setups\": {\n}"), DiagnosticCodes.InvalidJson, null);

        Assert.Equal(("org 'acme'", 4), (exception.Diagnostics[0].Where, exception.Diagnostics[0].Line));
    }

    [Theory]
    [InlineData("""{"version":1,"colour":"red"}""", DiagnosticCodes.UnknownProperty, "/colour")]
    [InlineData("""{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":1}}}}}""", DiagnosticCodes.WrongType, "/setups/default/providers/openai/enabled")]
    [InlineData("""{"version":1,"setups":{"default":{"providers":{"openai":{"models":["a"],"default_model":"b"}}}}}""", DiagnosticCodes.DefaultModelNotInModels, "/setups/default/providers/openai/default_model")]
    [InlineData("""{"version":1,"features":{"signup_key":"-bad-"}}""", DiagnosticCodes.MalformedSignupKey, "/features/signup_key")]
    public async Task Invalid_config_is_rejected_and_the_stored_config_is_unchanged(string json, string code, string jsonPointer)
    {
        await _harness.CreateOrganizationAsync("acme", """{"version":1,"metadata":{"description":"before"}}""");
        var before = await _harness.Resolver.ResolveAsync("acme");

        await AssertRejectedAsync(() => Admin.SetConfigAsync("acme", json), code, jsonPointer);

        Assert.Same(before, await _harness.Resolver.ResolveAsync("acme"));
    }

    [Fact]
    public async Task Unknown_organization_is_named_in_the_error()
    {
        var exception = await AssertRejectedAsync(() => Admin.SetConfigAsync("ghost", """{"version":1}"""), DiagnosticCodes.UnknownOrganization, null);

        Assert.Equal("org 'ghost': error TEN2005: unknown organization 'ghost'.", exception.Diagnostics.Single().ToString());
    }

    [Fact]
    public async Task System_organization_cannot_be_deleted_or_suspended()
    {
        await AssertRejectedAsync(() => Admin.DeleteOrganizationAsync("system"), DiagnosticCodes.SystemOrganizationUndeletable, null);
        await AssertRejectedAsync(() => Admin.SuspendAsync("system"), DiagnosticCodes.SystemOrganizationMustStayActive, "/status");
    }

    [Fact]
    public async Task Suspending_an_organization_changes_its_status_and_update_time()
    {
        await _harness.CreateOrganizationAsync("acme");
        _harness.Time.Advance(TimeSpan.FromHours(1));

        var suspended = await Admin.SuspendAsync("acme");

        Assert.Equal((OrganizationStatus.Suspended, _harness.Time.GetUtcNow()), (suspended.Status, suspended.UpdatedAt));
        Assert.Equal(OrganizationStatus.Suspended, (await _harness.Resolver.ResolveAsync("acme")).OrganizationStatus);
    }

    [Fact]
    public async Task Deleting_an_unknown_organization_is_rejected() =>
        await AssertRejectedAsync(() => Admin.DeleteOrganizationAsync("ghost"), DiagnosticCodes.UnknownOrganization, null);

    [Theory]
    [InlineData("not-an-email", DiagnosticCodes.InvalidEmail)]
    [InlineData("two@@example.com", DiagnosticCodes.InvalidEmail)]
    [InlineData("ANN@example.com", DiagnosticCodes.DuplicateEmail)]
    public async Task Bad_or_taken_email_is_rejected(string email, string code)
    {
        await Admin.AddUserAsync("ann@example.com");

        await AssertRejectedAsync(() => Admin.AddUserAsync(email), code, "/email");
    }

    [Fact]
    public async Task Membership_with_unknown_organization_and_user_names_both()
    {
        var exception = await AssertRejectedAsync(() => Admin.SetMembershipAsync("ghost", "nobody@example.com", MembershipRole.Owner), DiagnosticCodes.UnknownOrganization, null);

        Assert.Equal(["org 'ghost'", "user 'nobody@example.com'"], exception.Diagnostics.Select(d => d.Where!));
    }

    [Fact]
    public async Task Removing_or_demoting_the_last_owner_is_rejected()
    {
        await _harness.CreateOrganizationAsync("acme");
        await Admin.AddUserAsync("ann@example.com");
        await Admin.SetMembershipAsync("acme", "ann@example.com", MembershipRole.Owner);

        await AssertRejectedAsync(() => Admin.RemoveMembershipAsync("acme", "ann@example.com"), DiagnosticCodes.LastOwnerRemoval, "/members/ann@example.com");
        await AssertRejectedAsync(() => Admin.SetMembershipAsync("acme", "ANN@example.com", MembershipRole.Member), DiagnosticCodes.LastOwnerDemotion, "/members/ann@example.com/role");
    }

    [Fact]
    public async Task Default_organization_must_be_a_membership()
    {
        await _harness.CreateOrganizationAsync("acme");
        await Admin.AddUserAsync("ann@example.com");

        await AssertRejectedAsync(() => Admin.SetDefaultOrganizationAsync("ann@example.com", "acme"), DiagnosticCodes.DefaultOrganizationNotMember, "/default_organization");
    }

    private async Task<TenantValidationException> AssertRejectedAsync(Func<Task> action, string code, string? jsonPointer)
    {
        var before = await StoreDump.CaptureAsync(_harness.Store);
        var exception = await Assert.ThrowsAsync<TenantValidationException>(action);
        Assert.Contains(exception.Diagnostics, d => d.Code == code && d.Pointer == jsonPointer);
        Assert.Equal(before, await StoreDump.CaptureAsync(_harness.Store));
        return exception;
    }
}
