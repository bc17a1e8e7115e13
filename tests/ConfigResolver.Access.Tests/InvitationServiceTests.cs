using System.Text.RegularExpressions;
using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Access.Tests;

public sealed partial class InvitationServiceTests : IAsyncLifetime
{
    private AccessWorld _world = null!;
    private InvitationService _invitations = null!;

    public async Task InitializeAsync()
    {
        _world = await AccessWorld.CreateAsync();
        _invitations = new InvitationService(_world.Store, _world.Snapshot, _world.Options);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task An_invitation_accepted_by_its_email_makes_a_member_with_its_role()
    {
        var issued = await _invitations.CreateAsync("acme", "Erin@Example.com", MembershipRole.Admin, "ann@acme.example", "welcome aboard");

        var joined = await _invitations.AcceptAsync(issued.Token.Reveal(), "erin@example.com", "Erin");

        Assert.Matches(TokenFormat(), issued.Token.Reveal());
        Assert.Equal(AccessFactory.Hash(issued.Token.Reveal()), (await _world.Store.GetInvitationAsync(issued.Invitation.Id))!.TokenHash);
        Assert.Equal(_world.Clock.GetUtcNow().AddDays(7), issued.Invitation.ExpiresAt);
        Assert.Equal(("user:ann@acme.example", true, MembershipRole.Admin), (issued.Invitation.InvitedBy, joined.UserCreated, joined.Role));
        Assert.Equal(MembershipRole.Admin, (await _world.Store.GetMembershipAsync(joined.Organization.Id, joined.User.Id))?.Role);
        Assert.True(_world.Authorization.Current.Check(Authorization.Principal.ForUser(joined.User.Id), "acme", "users:write").Allowed);
        Assert.Empty(await _invitations.ListPendingAsync("acme"));
    }

    [Fact]
    public async Task An_inviter_needs_users_write_and_cannot_give_a_higher_role_than_their_own()
    {
        var tooHigh = await Assert.ThrowsAsync<AccessException>(() => _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Owner, "adam@acme.example"));
        var notAllowed = await Assert.ThrowsAsync<AccessException>(() => _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Viewer, "bob@acme.example"));
        var outsider = await Assert.ThrowsAsync<AccessException>(() => _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Viewer, "carol@beta.example"));
        var operatorInvite = await _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Owner);

        Assert.Equal((AccessDiagnosticCodes.InvitationRoleTooHigh, AccessDiagnosticCodes.InviterNotAllowed, AccessDiagnosticCodes.InviterNotAllowed), (tooHigh.Code, notAllowed.Code, outsider.Code));
        Assert.Equal(("system", MembershipRole.Owner), (operatorInvite.Invitation.InvitedBy, operatorInvite.Invitation.Role));
    }

    [Fact]
    public async Task Accepting_twice_joins_once_and_the_second_attempt_says_so()
    {
        var issued = await _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Member);
        await _invitations.AcceptAsync(issued.Token.Reveal(), "erin@example.com");
        var before = await StoreDump.CaptureAsync(_world.Store);

        var again = await Assert.ThrowsAsync<AccessException>(() => _invitations.AcceptAsync(issued.Token.Reveal(), "erin@example.com"));

        Assert.Equal(AccessDiagnosticCodes.InvitationAlreadyUsed, again.Code);
        Assert.Equal(before, await StoreDump.CaptureAsync(_world.Store));
    }

    [Fact]
    public async Task Resending_issues_a_new_token_and_the_old_one_dies()
    {
        var issued = await _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Member);
        _world.Clock.Advance(TimeSpan.FromDays(8));

        var expired = await Assert.ThrowsAsync<AccessException>(() => _invitations.AcceptAsync(issued.Token.Reveal(), "erin@example.com"));
        var resent = await _invitations.ResendAsync("acme", issued.Invitation.Id.ToString());
        var old = await Assert.ThrowsAsync<AccessException>(() => _invitations.AcceptAsync(issued.Token.Reveal(), "erin@example.com"));
        var joined = await _invitations.AcceptAsync(resent.Token.Reveal(), "erin@example.com");

        Assert.Equal((AccessDiagnosticCodes.InvitationExpired, AccessDiagnosticCodes.UnknownInvitationToken), (expired.Code, old.Code));
        Assert.NotEqual(issued.Token.Reveal(), resent.Token.Reveal());
        Assert.Equal(MembershipRole.Member, joined.Role);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "cancelled", AccessDiagnosticCodes.InvitationCancelled },
        { "wrong user", AccessDiagnosticCodes.InvitationWrongUser },
        { "expired", AccessDiagnosticCodes.InvitationExpired },
        { "unknown token", AccessDiagnosticCodes.UnknownInvitationToken },
        { "not a token", AccessDiagnosticCodes.UnknownInvitationToken },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failed_acceptance_has_its_own_code_and_reveals_no_organization_or_email(string situation, string code)
    {
        var issued = await _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Member, message: "hi");
        if (situation == "cancelled")
        {
            await _invitations.CancelAsync("acme", issued.Invitation.Id.ToString());
        }

        _world.Clock.Advance(situation == "expired" ? TimeSpan.FromDays(7) : TimeSpan.Zero);
        var token = situation switch
        {
            "unknown token" => "cfgr_inv_" + new string('a', 52),
            "not a token" => "https://acme.example/join",
            _ => issued.Token.Reveal(),
        };

        var refused = await Assert.ThrowsAsync<AccessException>(() => _invitations.AcceptAsync(token, situation == "wrong user" ? "mallory@example.com" : "erin@example.com"));

        Assert.Equal(code, refused.Code);
        Assert.DoesNotContain("acme", refused.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("erin", refused.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(issued.Token.Reveal(), refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_lists_only_open_invitations_and_cancel_or_resend_of_a_closed_one_is_refused()
    {
        var open = await _invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Member);
        var cancelled = await _invitations.CreateAsync("acme", "frank@example.com", MembershipRole.Member);
        await _invitations.CancelAsync("acme", cancelled.Invitation.Id.ToString());

        Assert.Equal([open.Invitation.Id], (await _invitations.ListPendingAsync("acme")).Select(i => i.Id));
        Assert.Equal(AccessDiagnosticCodes.InvitationNotPending, (await Assert.ThrowsAsync<AccessException>(() => _invitations.ResendAsync("acme", cancelled.Invitation.Id.ToString()))).Code);
        Assert.Equal(AccessDiagnosticCodes.UnknownInvitation, (await Assert.ThrowsAsync<AccessException>(() => _invitations.CancelAsync("beta", open.Invitation.Id.ToString()))).Code);
    }

    [GeneratedRegex("^cfgr_inv_[a-z2-7]{52}$")]
    private static partial Regex TokenFormat();
}
