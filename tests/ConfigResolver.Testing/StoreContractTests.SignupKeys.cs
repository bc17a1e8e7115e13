using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
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
}
