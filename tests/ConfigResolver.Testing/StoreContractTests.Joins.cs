using ConfigResolver.Access;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Signing_up_creates_a_member_and_an_existing_email_joins_without_a_duplicate()
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var (beta, _) = await AddOrganizationWithOwnerAsync("beta", "bob@example.com");

        var erin = await Store.SignUpAsync(new SignupJoin(acme.Id, "erin@example.com", Time.GetUtcNow(), Guid.NewGuid()) { Name = "Erin" });
        var again = await Store.SignUpAsync(new SignupJoin(beta.Id, "ERIN@example.com", Time.GetUtcNow(), Guid.NewGuid()));

        Assert.Equal((true, MembershipRole.Member, "Erin"), (erin.UserCreated, erin.Role, erin.User.Name));
        Assert.Equal((false, erin.User.Id), (again.UserCreated, again.User.Id));
        Assert.Equal(3, (await Store.ListUsersAsync()).Length);
        Assert.Equal([acme.Id, beta.Id], (await Store.ListMembershipsOfUserAsync(erin.User.Id)).Select(m => m.OrganizationId));
        Assert.Equal(acme.Id, (await Store.GetUserAsync(erin.User.Id))!.DefaultOrganizationId);
    }

    [Fact]
    public async Task Signing_up_again_keeps_the_role_and_is_audited_without_a_membership_change()
    {
        var (acme, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");

        var result = await Store.SignUpAsync(new SignupJoin(acme.Id, "ann@example.com", Time.GetUtcNow(), Guid.NewGuid()));

        Assert.Equal((false, MembershipRole.Owner, (MembershipRole?)MembershipRole.Owner), (result.UserCreated, result.Role, result.PreviousRole));
        Assert.Equal(MembershipRole.Owner, (await Store.GetMembershipAsync(acme.Id, ann.Id))?.Role);
        var audit = (await Store.QueryAuditAsync(new Auditing.AuditQuery { Limit = 1 })).Events[0];
        Assert.Equal(("signup", "ann@example.com"), (audit.Action, audit.Target));
    }

    [Fact]
    public async Task Signing_up_into_the_system_organization_before_it_has_an_owner_makes_a_member()
    {
        var system = await Store.GetSystemOrganizationAsync();

        var result = await Store.SignUpAsync(new SignupJoin(system.Id, "erin@example.com", Time.GetUtcNow(), Guid.NewGuid()));

        Assert.Equal((true, MembershipRole.Member), (result.UserCreated, result.Role));
        Assert.Equal(MembershipRole.Member, (await Store.GetMembershipAsync(system.Id, result.User.Id))?.Role);
    }

    [Fact]
    public async Task Signing_up_into_an_organization_without_an_owner_or_that_does_not_exist_is_refused()
    {
        var empty = await AddOrganizationAsync("empty");

        await AssertRefusedAsync<TenantValidationException>(
            () => Store.SignUpAsync(new SignupJoin(empty.Id, "erin@example.com", Time.GetUtcNow(), Guid.NewGuid())),
            DiagnosticCodes.FirstMemberMustBeOwner);
        await AssertRefusedAsync<TenantValidationException>(
            () => Store.SignUpAsync(new SignupJoin(Guid.NewGuid(), "erin@example.com", Time.GetUtcNow(), Guid.NewGuid())),
            DiagnosticCodes.UnknownOrganization);
    }
}
