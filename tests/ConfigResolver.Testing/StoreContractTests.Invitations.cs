using ConfigResolver.Access;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_invitation_reads_back_by_id_token_hash_and_organization()
    {
        var acme = await AddOrganizationAsync("acme");
        var invitation = AccessFactory.Invitation(acme, "Erin@Example.com", MembershipRole.Admin, "token-1", Time);

        await Store.CreateInvitationAsync(invitation);

        Assert.Equal(invitation, await Store.GetInvitationAsync(invitation.Id));
        Assert.Equal(invitation, await Store.FindInvitationByTokenHashAsync(AccessFactory.Hash("token-1")));
        Assert.Equal([invitation], (await Store.ListInvitationsAsync(acme.Id)).ToArray());
        Assert.Null(await Store.FindInvitationByTokenHashAsync(AccessFactory.Hash("token-2")));
    }

    [Fact]
    public async Task Resending_gives_a_new_token_and_the_old_one_finds_nothing()
    {
        var acme = await AddOrganizationAsync("acme");
        var invitation = AccessFactory.Invitation(acme, "erin@example.com", MembershipRole.Member, "old-token", Time);
        await Store.CreateInvitationAsync(invitation);
        Time.Advance(TimeSpan.FromDays(3));

        var resent = await Store.ReissueInvitationAsync(acme.Id, invitation.Id, AccessFactory.Hash("new-token"), Time.GetUtcNow().AddDays(7));

        Assert.Null(await Store.FindInvitationByTokenHashAsync(AccessFactory.Hash("old-token")));
        Assert.Equal(resent, await Store.FindInvitationByTokenHashAsync(AccessFactory.Hash("new-token")));
        Assert.Equal(Time.GetUtcNow().AddDays(7), resent.ExpiresAt);
    }

    [Fact]
    public async Task Cancelling_closes_an_invitation_once_and_only_in_its_organization()
    {
        var acme = await AddOrganizationAsync("acme");
        var beta = await AddOrganizationAsync("beta");
        var invitation = AccessFactory.Invitation(acme, "erin@example.com", MembershipRole.Member, "token", Time);
        await Store.CreateInvitationAsync(invitation);

        await AssertRefusedAsync<AccessException>(() => Store.CancelInvitationAsync(beta.Id, invitation.Id, Time.GetUtcNow()), AccessDiagnosticCodes.UnknownInvitation);
        var cancelled = await Store.CancelInvitationAsync(acme.Id, invitation.Id, Time.GetUtcNow());

        Assert.Equal((InvitationStatus.Cancelled, (DateTimeOffset?)Time.GetUtcNow()), (cancelled.Status, cancelled.ClosedAt));
        await AssertRefusedAsync<AccessException>(() => Store.CancelInvitationAsync(acme.Id, invitation.Id, Time.GetUtcNow()), AccessDiagnosticCodes.InvitationNotPending);
        await AssertRefusedAsync<AccessException>(() => Store.ReissueInvitationAsync(acme.Id, invitation.Id, AccessFactory.Hash("again"), Time.GetUtcNow().AddDays(1)), AccessDiagnosticCodes.InvitationNotPending);
    }

    [Fact]
    public async Task Accepting_creates_the_user_as_a_member_with_the_invited_role_in_one_write()
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var invitation = AccessFactory.Invitation(acme, "Erin@Example.com", MembershipRole.Admin, "token", Time);
        await Store.CreateInvitationAsync(invitation);
        var revision = Store.PublishedRevision;
        using var recorder = new ChangeRecorder(Store);

        var result = await Store.AcceptInvitationAsync(AccessFactory.Acceptance("token", "erin@EXAMPLE.com", Time));

        var erin = await Store.FindUserByEmailAsync("erin@example.com");
        Assert.NotNull(erin);
        Assert.Equal((true, MembershipRole.Admin, (MembershipRole?)null, erin), (result.UserCreated, result.Role, result.PreviousRole, result.User));
        Assert.Equal(acme.Id, erin.DefaultOrganizationId);
        Assert.Equal(MembershipRole.Admin, (await Store.GetMembershipAsync(acme.Id, erin.Id))?.Role);
        var accepted = await Store.GetInvitationAsync(invitation.Id);
        Assert.Equal((InvitationStatus.Accepted, (Guid?)erin.Id), (accepted!.Status, accepted.AcceptedUserId));
        Assert.Equal(revision + 1, Store.PublishedRevision);
        Assert.Equal([TenantChangeKind.MembershipSet, TenantChangeKind.UserUpdated], recorder.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task Accepting_twice_does_nothing_the_second_time()
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        await Store.CreateInvitationAsync(AccessFactory.Invitation(acme, "erin@example.com", MembershipRole.Member, "token", Time));
        await Store.AcceptInvitationAsync(AccessFactory.Acceptance("token", "erin@example.com", Time));

        await AssertRefusedAsync<AccessException>(() => Store.AcceptInvitationAsync(AccessFactory.Acceptance("token", "erin@example.com", Time)), AccessDiagnosticCodes.InvitationAlreadyUsed);
    }

    public static TheoryData<string, string, string> RefusedAcceptances => new()
    {
        { "unknown token", "erin@example.com", AccessDiagnosticCodes.UnknownInvitationToken },
        { "expired", "erin@example.com", AccessDiagnosticCodes.InvitationExpired },
        { "cancelled", "erin@example.com", AccessDiagnosticCodes.InvitationCancelled },
        { "another user", "mallory@example.com", AccessDiagnosticCodes.InvitationWrongUser },
    };

    [Theory]
    [MemberData(nameof(RefusedAcceptances))]
    public async Task An_acceptance_that_cannot_proceed_has_its_own_code_and_changes_nothing(string situation, string email, string code)
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var invitation = AccessFactory.Invitation(acme, "erin@example.com", MembershipRole.Member, "token", Time);
        await Store.CreateInvitationAsync(invitation);
        if (situation == "cancelled")
        {
            await Store.CancelInvitationAsync(acme.Id, invitation.Id, Time.GetUtcNow());
        }

        Time.Advance(situation == "expired" ? TimeSpan.FromDays(7) : TimeSpan.FromDays(6));
        var token = situation == "unknown token" ? "guessed" : "token";

        var refused = await AssertRefusedAsync<AccessException>(() => Store.AcceptInvitationAsync(AccessFactory.Acceptance(token, email, Time)), code);

        Assert.DoesNotContain("acme", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("erin@", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_never_lowers_the_role_of_an_existing_member()
    {
        var (acme, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        await Store.CreateInvitationAsync(AccessFactory.Invitation(acme, "ann@example.com", MembershipRole.Viewer, "token", Time));

        var result = await Store.AcceptInvitationAsync(AccessFactory.Acceptance("token", "ann@example.com", Time));

        Assert.Equal((false, MembershipRole.Owner, (MembershipRole?)MembershipRole.Owner), (result.UserCreated, result.Role, result.PreviousRole));
        Assert.Equal(MembershipRole.Owner, (await Store.GetMembershipAsync(acme.Id, ann.Id))?.Role);
        Assert.Single(await Store.ListUsersAsync());
    }

    [Fact]
    public async Task Deleting_an_organization_drops_its_invitations()
    {
        var acme = await AddOrganizationAsync("acme");
        var invitation = AccessFactory.Invitation(acme, "erin@example.com", MembershipRole.Member, "token", Time);
        await Store.CreateInvitationAsync(invitation);

        await Store.DeleteOrganizationAsync(acme.Id);

        Assert.Null(await Store.GetInvitationAsync(invitation.Id));
        Assert.Null(await Store.FindInvitationByTokenHashAsync(AccessFactory.Hash("token")));
    }
}
