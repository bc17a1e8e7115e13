using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Memberships_read_back_per_organization_by_email_and_per_user_by_slug()
    {
        var (zeta, ann) = await AddOrganizationWithOwnerAsync("zeta", "ann@example.com");
        var (alpha, bob) = await AddOrganizationWithOwnerAsync("alpha", "bob@example.com");
        await Store.SetMembershipAsync(new Membership(alpha.Id, ann.Id, MembershipRole.Viewer));

        Assert.Equal(new Membership(alpha.Id, ann.Id, MembershipRole.Viewer), await Store.GetMembershipAsync(alpha.Id, ann.Id));
        Assert.Null(await Store.GetMembershipAsync(zeta.Id, bob.Id));
        Assert.Equal([ann.Id, bob.Id], (await Store.ListMembershipsOfOrganizationAsync(alpha.Id)).Select(m => m.UserId));
        Assert.Equal([alpha.Id, zeta.Id], (await Store.ListMembershipsOfUserAsync(ann.Id)).Select(m => m.OrganizationId));
    }

    [Fact]
    public async Task Setting_a_membership_again_changes_its_one_role()
    {
        var (organization, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Member));

        await Store.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Admin));

        var bobs = (await Store.ListMembershipsOfOrganizationAsync(organization.Id)).Where(m => m.UserId == bob.Id);
        Assert.Equal(MembershipRole.Admin, Assert.Single(bobs).Role);
    }

    [Fact]
    public async Task First_member_of_an_organization_must_be_an_owner()
    {
        var organization = await AddOrganizationAsync("acme");
        var ann = await AddUserAsync("ann@example.com");

        await AssertRejectedAsync(() => Store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Member)), DiagnosticCodes.FirstMemberMustBeOwner, "/members/ann@example.com/role");
    }

    [Fact]
    public async Task Demoting_the_last_owner_is_rejected()
    {
        var (organization, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");

        await AssertRejectedAsync(() => Store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Admin)), DiagnosticCodes.LastOwnerDemotion, "/members/ann@example.com/role");
    }

    [Fact]
    public async Task Demoting_an_owner_is_allowed_while_another_owner_remains()
    {
        var (organization, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Owner));

        await Store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Viewer));

        Assert.Equal(MembershipRole.Viewer, (await Store.GetMembershipAsync(organization.Id, ann.Id))?.Role);
    }

    [Fact]
    public async Task Removing_the_last_owner_is_rejected_even_with_other_members()
    {
        var (organization, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Admin));

        await AssertRejectedAsync(() => Store.RemoveMembershipAsync(organization.Id, ann.Id), DiagnosticCodes.LastOwnerRemoval, "/members/ann@example.com");
    }

    [Fact]
    public async Task Removing_a_non_owner_member_is_allowed()
    {
        var (organization, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Member));

        await Store.RemoveMembershipAsync(organization.Id, bob.Id);

        Assert.Null(await Store.GetMembershipAsync(organization.Id, bob.Id));
    }

    [Fact]
    public async Task Removing_a_membership_that_does_not_exist_is_rejected()
    {
        var (organization, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");

        await AssertRejectedAsync(() => Store.RemoveMembershipAsync(organization.Id, bob.Id), DiagnosticCodes.UnknownMembership, "/members/bob@example.com");
    }

    [Fact]
    public async Task Membership_of_an_unknown_organization_or_user_is_rejected_naming_both()
    {
        var exception = await AssertRejectedAsync(() => Store.SetMembershipAsync(new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Owner)), DiagnosticCodes.UnknownOrganization, null);

        Assert.Contains(exception.Diagnostics, d => d.Code == DiagnosticCodes.UnknownUser);
    }

    [Fact]
    public async Task System_organization_accepts_members_before_an_owner_and_then_keeps_its_last_owner()
    {
        var system = await Store.GetSystemOrganizationAsync();
        var ann = await AddUserAsync("ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        Assert.Empty(await Store.ListMembershipsOfOrganizationAsync(system.Id));

        await Store.SetMembershipAsync(new Membership(system.Id, bob.Id, MembershipRole.Member));
        await Store.SetMembershipAsync(new Membership(system.Id, ann.Id, MembershipRole.Owner));

        Assert.Equal(MembershipRole.Member, (await Store.GetMembershipAsync(system.Id, bob.Id))?.Role);
        await AssertRejectedAsync(() => Store.RemoveMembershipAsync(system.Id, ann.Id), DiagnosticCodes.LastOwnerRemoval, "/members/ann@example.com");
        await AssertRejectedAsync(() => Store.SetMembershipAsync(new Membership(system.Id, ann.Id, MembershipRole.Admin)), DiagnosticCodes.LastOwnerDemotion, "/members/ann@example.com/role");
    }

    [Fact]
    public async Task First_membership_becomes_the_users_default_organization()
    {
        var (organization, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var (other, _) = await AddOrganizationWithOwnerAsync("beta", "bob@example.com");
        await Store.SetMembershipAsync(new Membership(other.Id, ann.Id, MembershipRole.Member));

        Assert.Equal(organization.Id, (await Store.GetUserAsync(ann.Id))?.DefaultOrganizationId);
    }

    [Fact]
    public async Task Removing_the_default_membership_moves_the_default_to_the_lowest_remaining_slug()
    {
        var (zeta, _) = await AddOrganizationWithOwnerAsync("zeta", "owner1@example.com");
        var (beta, _) = await AddOrganizationWithOwnerAsync("beta", "owner2@example.com");
        var (alpha, _) = await AddOrganizationWithOwnerAsync("alpha", "owner3@example.com");
        var ann = await AddUserAsync("ann@example.com");
        await Store.SetMembershipAsync(new Membership(zeta.Id, ann.Id, MembershipRole.Member));
        await Store.SetMembershipAsync(new Membership(beta.Id, ann.Id, MembershipRole.Member));
        await Store.SetMembershipAsync(new Membership(alpha.Id, ann.Id, MembershipRole.Member));

        await Store.RemoveMembershipAsync(zeta.Id, ann.Id);
        Assert.Equal(alpha.Id, (await Store.GetUserAsync(ann.Id))?.DefaultOrganizationId);

        await Store.RemoveMembershipAsync(alpha.Id, ann.Id);
        await Store.RemoveMembershipAsync(beta.Id, ann.Id);
        Assert.Null((await Store.GetUserAsync(ann.Id))?.DefaultOrganizationId);
    }
}
