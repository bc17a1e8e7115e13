using ConfigResolver.Diagnostics;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Created_user_reads_back_by_id_and_by_email_in_any_case()
    {
        var user = await AddUserAsync("Ann.Smith@Example.com");

        Assert.Equal(user, await Store.GetUserAsync(user.Id));
        Assert.Equal(user, await Store.FindUserByEmailAsync("ann.smith@example.com"));
        Assert.Equal(user, await Store.FindUserByEmailAsync("ANN.SMITH@EXAMPLE.COM"));
        Assert.Null(await Store.FindUserByEmailAsync("bob@example.com"));
    }

    [Fact]
    public async Task Users_are_listed_by_normalized_email()
    {
        await AddUserAsync("carol@example.com");
        await AddUserAsync("Alice@example.com");
        await AddUserAsync("bob@example.com");

        var emails = (await Store.ListUsersAsync()).Select(u => u.Email);

        Assert.Equal(["Alice@example.com", "bob@example.com", "carol@example.com"], emails);
    }

    [Fact]
    public async Task Email_differing_only_in_case_is_rejected_as_duplicate()
    {
        await AddUserAsync("ann@example.com");

        await AssertRejectedAsync(() => Store.CreateUserAsync(TenantFactory.User("ANN@example.COM", Time)), DiagnosticCodes.DuplicateEmail, "/email");
    }

    [Fact]
    public async Task New_user_with_a_default_organization_is_rejected()
    {
        var organization = await AddOrganizationAsync("acme");

        await AssertRejectedAsync(
            () => Store.CreateUserAsync(TenantFactory.User("ann@example.com", Time) with { DefaultOrganizationId = organization.Id }),
            DiagnosticCodes.DefaultOrganizationNotMember,
            "/default_organization");
    }

    [Fact]
    public async Task Update_to_another_users_email_is_rejected()
    {
        await AddUserAsync("ann@example.com");
        var bob = await AddUserAsync("bob@example.com");

        await AssertRejectedAsync(() => Store.UpdateUserAsync(bob with { Email = "Ann@example.com" }), DiagnosticCodes.DuplicateEmail, "/email");
    }

    [Fact]
    public async Task Update_changes_email_and_frees_the_old_one()
    {
        var ann = await AddUserAsync("ann@example.com");

        await Store.UpdateUserAsync(ann with { Email = "ann.new@example.com", Name = "Ann" });

        Assert.Equal("Ann", (await Store.FindUserByEmailAsync("ann.new@example.com"))?.Name);
        Assert.Null(await Store.FindUserByEmailAsync("ann@example.com"));
        await AddUserAsync("ann@example.com");
    }

    [Fact]
    public async Task Default_organization_must_be_one_of_the_users_memberships()
    {
        var (_, owner) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var other = await AddOrganizationAsync("other");

        await AssertRejectedAsync(
            async () => await Store.UpdateUserAsync((await Store.GetUserAsync(owner.Id))! with { DefaultOrganizationId = other.Id }),
            DiagnosticCodes.DefaultOrganizationNotMember,
            "/default_organization");
    }

    [Fact]
    public async Task Update_of_an_unknown_user_is_rejected()
    {
        await AssertRejectedAsync(() => Store.UpdateUserAsync(TenantFactory.User("ghost@example.com", Time)), DiagnosticCodes.UnknownUser, null);
    }
}
