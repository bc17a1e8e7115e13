using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Reloading;

public sealed class ChangeFeedTests : IDisposable
{
    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Membership_changes_update_role_links_and_publish_a_new_revision_without_a_recompile()
    {
        var acme = await _sandbox.OrgAsync("acme");
        await _sandbox.UserAsync(acme, MembershipRole.Owner);
        var mia = await _sandbox.UserAsync(acme, MembershipRole.Viewer);
        using var service = await _sandbox.StartAsync();
        var policy = service.Current.Policy;
        var before = service.Check(Principal.ForUser(mia), "acme", "agents:write");

        await _sandbox.Store.SetMembershipAsync(new Membership(acme.Id, mia, MembershipRole.Member));
        await service.WhenChangesAppliedAsync();
        var promoted = service.Check(Principal.ForUser(mia), "acme", "agents:write");
        await _sandbox.Store.RemoveMembershipAsync(acme.Id, mia);
        await service.WhenChangesAppliedAsync();
        var removed = service.Check(Principal.ForUser(mia), "acme", "agents:read");

        Assert.False(before.Allowed);
        Assert.True(promoted.Allowed);
        Assert.Contains($"g, user:{mia:D}, role:member, acme", promoted.PolicyLines);
        Assert.False(removed.Allowed);
        Assert.StartsWith("missing membership", removed.WhyNot, StringComparison.Ordinal);
        Assert.True(promoted.Revision > before.Revision && removed.Revision > promoted.Revision);
        Assert.Same(policy, service.Current.Policy);
    }

    [Fact]
    public async Task Organization_status_and_config_changes_reach_the_conditions()
    {
        var acme = await _sandbox.OrgAsync("acme");
        var owner = await _sandbox.UserAsync(acme, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync();
        var principal = Principal.ForUser(owner);
        Assert.False(service.Check(principal, "acme", "completions:create", "provider/openai").Allowed);

        var stored = (await _sandbox.Store.GetOrganizationAsync(acme.Id))!;
        await _sandbox.Store.UpdateOrganizationAsync(stored with
        {
            Config = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true}}}}}"""),
        });
        await service.WhenChangesAppliedAsync();
        Assert.True(service.Check(principal, "acme", "completions:create", "provider/openai").Allowed);

        stored = (await _sandbox.Store.GetOrganizationAsync(acme.Id))!;
        await _sandbox.Store.UpdateOrganizationAsync(stored with { Status = OrganizationStatus.Suspended });
        await service.WhenChangesAppliedAsync();
        var suspended = service.Check(principal, "acme", "agents:write");
        Assert.False(suspended.Allowed);
        Assert.Equal("organization acme is suspended; only read actions are allowed", Assert.Single(suspended.Rules).Reason);

        await _sandbox.Store.DeleteOrganizationAsync(acme.Id);
        await service.WhenChangesAppliedAsync();
        Assert.Equal("there is no organization 'acme'", service.Check(principal, "acme", "agents:read").WhyNot);
    }

    [Fact]
    public async Task System_admins_become_platform_admins_when_their_membership_is_written()
    {
        var acme = await _sandbox.OrgAsync("acme");
        await _sandbox.UserAsync(acme, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync();
        var system = await _sandbox.Store.GetSystemOrganizationAsync();

        var operatorId = await _sandbox.UserAsync(system, MembershipRole.Owner);
        await service.WhenChangesAppliedAsync();

        Assert.True(service.Check(Principal.ForUser(operatorId), "acme", "users:write").Allowed);
        Assert.False(service.Check(Principal.ForUser(operatorId), "acme", "billing:read").Allowed);
    }
}
