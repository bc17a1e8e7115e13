using ConfigResolver.Access;
using ConfigResolver.Commerce;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_plan_with_a_default_team_is_stored_audited_and_names_the_organizations_plan()
    {
        var acme = await AddOrganizationAsync("acme");
        using var recorder = new ChangeRecorder(Store);

        var state = await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan() with { BillingEmail = "billing@acme.test", StripeCustomerId = "cus_1" }, force: false, Time.GetUtcNow(), "acme_default"));

        Assert.Equal(state, await Store.GetCommerceAsync(acme.Id));
        Assert.Equal("tiny", state.Plan!.Name);
        Assert.Equal(2, state.Plan.Limits.Members);
        Assert.Equal("cus_1", state.Plan.StripeCustomerId);
        Assert.True(Assert.Single(state.Teams).IsDefault);
        Assert.Equal("tiny", (await Store.GetOrganizationAsync(acme.Id))!.Plan);
        Assert.Equal(TenantChangeKind.OrganizationUpdated, Assert.Single(recorder.Changes).Kind);
        var audit = (await Store.QueryAuditAsync(new Auditing.AuditQuery { Action = "org.plan.set" })).Events;
        Assert.Contains("\"tiny\"", Assert.Single(audit).Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_without_a_plan_has_no_quotas_and_an_empty_state()
    {
        var acme = await AddOrganizationAsync("acme");

        var state = await Store.GetCommerceAsync(acme.Id);

        Assert.Null(state.Plan);
        Assert.Empty(state.Teams);
        Assert.Equal(PlanLimits.Unlimited, state.Limits);
    }

    [Fact]
    public async Task A_member_beyond_the_plan_is_refused_with_the_limit_and_nothing_is_stored()
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "owner@acme.test");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(members: 2), false, Time.GetUtcNow()));
        var bob = await AddUserAsync("bob@acme.test");
        await Store.SetMembershipAsync(new Membership(acme.Id, bob.Id, MembershipRole.Member));
        var carol = await AddUserAsync("carol@acme.test");

        var refused = await AssertRefusedAsync<QuotaException>(() => Store.SetMembershipAsync(new Membership(acme.Id, carol.Id, MembershipRole.Member)), QuotaDiagnosticCodes.MembersLimit);

        Assert.Contains("members: limit 2 reached (2 used)", refused.Diagnostics[0].Message, StringComparison.Ordinal);
        await Store.SetMembershipAsync(new Membership(acme.Id, bob.Id, MembershipRole.Admin));
    }

    [Fact]
    public async Task Pending_invitations_take_seats_and_a_sign_up_beyond_the_plan_is_refused()
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "owner@acme.test");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(members: 2), false, Time.GetUtcNow()));
        var invitation = AccessFactory.Invitation(acme, "bob@acme.test", MembershipRole.Member, "token-bob", Time);
        await Store.CreateInvitationAsync(invitation);

        await AssertRefusedAsync<QuotaException>(() => Store.CreateInvitationAsync(AccessFactory.Invitation(acme, "carol@acme.test", MembershipRole.Member, "token-carol", Time)), QuotaDiagnosticCodes.MembersLimit);
        await AssertRefusedAsync<QuotaException>(() => Store.SignUpAsync(new SignupJoin(acme.Id, "dave@acme.test", Time.GetUtcNow(), Guid.NewGuid())), QuotaDiagnosticCodes.MembersLimit);
        var joined = await Store.AcceptInvitationAsync(AccessFactory.Acceptance("token-bob", "bob@acme.test", Time));

        Assert.Equal(MembershipRole.Member, joined.Role);
        Assert.Equal(2, (await Store.ListMembershipsOfOrganizationAsync(acme.Id)).Length);
    }

    [Fact]
    public async Task An_api_key_and_a_team_beyond_the_plan_are_refused()
    {
        var acme = await AddOrganizationAsync("acme");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan(apiKeys: 1, teams: 1), false, Time.GetUtcNow(), "acme_default"));
        await Store.CreateApiKeyAsync(AccessFactory.Key(acme, "first2345abc", Time));

        await AssertRefusedAsync<QuotaException>(() => Store.CreateApiKeyAsync(AccessFactory.Key(acme, "second234abc", Time)), QuotaDiagnosticCodes.ApiKeysLimit);
        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, Time.GetUtcNow())), QuotaDiagnosticCodes.TeamsLimit);
    }

    [Fact]
    public async Task A_downgrade_the_organization_exceeds_is_refused_with_what_exceeds_unless_forced()
    {
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "owner@acme.test");
        await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan("big", members: 10), false, Time.GetUtcNow()));
        foreach (var email in new[] { "a@acme.test", "b@acme.test" })
        {
            await Store.SetMembershipAsync(new Membership(acme.Id, (await AddUserAsync(email)).Id, MembershipRole.Member));
        }

        var refused = await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan("small", members: 1), false, Time.GetUtcNow())), QuotaDiagnosticCodes.PlanExceeded);
        Assert.Contains("members: 3 used, plan 'small' allows 1 (2 over)", refused.Diagnostics[0].Message, StringComparison.Ordinal);

        var forced = await Store.ApplyCommerceAsync(CommerceCommand.SetPlan(acme.Id, CommerceFactory.Plan("small", members: 1), true, Time.GetUtcNow()));
        Assert.True(forced.Plan!.Forced);
        Assert.Equal("small", (await Store.GetOrganizationAsync(acme.Id))!.Plan);
    }

    [Fact]
    public async Task Team_members_must_belong_to_the_organization_and_leave_its_teams_with_it()
    {
        var (acme, owner) = await AddOrganizationWithOwnerAsync("acme", "owner@acme.test");
        var bob = await AddUserAsync("bob@acme.test");
        await Store.SetMembershipAsync(new Membership(acme.Id, bob.Id, MembershipRole.Member));
        await Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, Time.GetUtcNow()));
        var stranger = await AddUserAsync("eve@elsewhere.test");

        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.AddTeamMember(acme.Id, "research", stranger.Id)), QuotaDiagnosticCodes.NotOrganizationMember);
        await Store.ApplyCommerceAsync(CommerceCommand.AddTeamMember(acme.Id, "research", bob.Id));
        await Store.ApplyCommerceAsync(CommerceCommand.AddTeamMember(acme.Id, "research", owner.Id));
        await Store.RemoveMembershipAsync(acme.Id, bob.Id);

        Assert.Equal([owner.Id], (await Store.GetCommerceAsync(acme.Id)).FindTeam("research")!.Members.ToArray());
    }

    [Fact]
    public async Task Teams_and_model_groups_are_created_assigned_and_deleted_with_their_rules()
    {
        var acme = await AddOrganizationAsync("acme");
        await Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "acme_default", null, Time.GetUtcNow()) with { IsDefaultTeam = true });
        await Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, Time.GetUtcNow()));
        var group = new ModelGroup("fast", [new ModelGroupEntry("gpt-4o-mini", "openai", 1), new ModelGroupEntry("llama3", null, 2)]);
        await Store.ApplyCommerceAsync(CommerceCommand.CreateModelGroup(acme.Id, group));

        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.CreateModelGroup(acme.Id, group)), QuotaDiagnosticCodes.DuplicateModelGroup);
        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.AssignModelGroups(acme.Id, "research", ["fast", "nope"])), QuotaDiagnosticCodes.UnknownModelGroup);
        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.DeleteTeam(acme.Id, "acme_default")), QuotaDiagnosticCodes.DefaultTeam);
        await AssertRefusedAsync<QuotaException>(() => Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, Time.GetUtcNow())), QuotaDiagnosticCodes.DuplicateTeam);
        using var recorder = new ChangeRecorder(Store);
        var assigned = await Store.ApplyCommerceAsync(CommerceCommand.AssignModelGroups(acme.Id, "research", ["fast"]));
        var deleted = await Store.ApplyCommerceAsync(CommerceCommand.DeleteTeam(acme.Id, "research"));

        Assert.Equal(["fast"], assigned.FindTeam("research")!.ModelGroups.ToArray());
        Assert.Equal(group, assigned.FindModelGroup("fast"));
        Assert.Null(deleted.FindTeam("research"));
        Assert.All(recorder.Changes, c => Assert.Equal(TenantChangeKind.TeamsChanged, c.Kind));
        Assert.Equal(2, recorder.Changes.Count);
    }
}
