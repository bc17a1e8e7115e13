using System.Text.Json;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Every_administrative_write_appends_one_event_whose_id_is_its_revision()
    {
        var acme = await AddOrganizationAsync("acme");
        var ann = await AddUserAsync("ann@example.com");
        await Store.SetMembershipAsync(new Membership(acme.Id, ann.Id, MembershipRole.Owner));
        await Store.UpdateOrganizationAsync(acme with { Status = OrganizationStatus.Suspended });
        var key = AccessFactory.Key(acme, "auditkey2345", Time);
        await Store.CreateApiKeyAsync(key);
        await Store.RotateApiKeyAsync(new ApiKeyRotation(acme.Id, key.Id, AccessFactory.Hash("next"), Time.GetUtcNow()));
        await Store.RevokeApiKeyAsync(acme.Id, key.Id, Time.GetUtcNow());
        var invitation = AccessFactory.Invitation(acme, "erin@example.com", MembershipRole.Member, "token", Time);
        await Store.CreateInvitationAsync(invitation);
        await Store.ReissueInvitationAsync(acme.Id, invitation.Id, AccessFactory.Hash("token-2"), Time.GetUtcNow().AddDays(7));
        await Store.AcceptInvitationAsync(AccessFactory.Acceptance("token-2", "erin@example.com", Time));
        await Store.CreateInvitationAsync(AccessFactory.Invitation(acme, "frank@example.com", MembershipRole.Member, "token-3", Time) with { Id = Guid.NewGuid() });
        await Store.RemoveMembershipAsync(acme.Id, (await Store.FindUserByEmailAsync("erin@example.com"))!.Id);
        await Store.DeleteOrganizationAsync(acme.Id);

        var events = (await Store.QueryAuditAsync(new AuditQuery { Limit = 100 })).Events.Reverse().ToList();

        Assert.Equal(
            ["org.create", "user.create", "member.set", "org.status.set", "apikey.create", "apikey.rotate", "apikey.revoke",
             "invitation.create", "invitation.resend", "invitation.accept", "invitation.create", "member.remove", "org.delete"],
            events.Select(e => e.Action));
        var log = (await Store.ReadChangeLogAsync(1, 1000)).Entries;
        Assert.Equal(log.Select(e => e.Revision), events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal("system", e.Actor));
        Assert.Equal(["acme", "ann@example.com", "ann@example.com", "acme", key.Id.ToString("D")], events.Take(5).Select(e => e.Target));
        Assert.Equal([acme.Id, null, acme.Id, acme.Id, acme.Id], events.Take(5).Select(e => e.OrganizationId));
    }

    [Fact]
    public async Task The_actor_in_force_when_a_write_runs_is_recorded()
    {
        using (AuditActor.Use(AuditActor.User("Ann@Example.com")))
        {
            await AddOrganizationAsync("acme");
        }

        using (AuditActor.Use(AuditActor.Cli))
        {
            await AddUserAsync("bob@example.com");
        }

        await AddUserAsync("carol@example.com");

        Assert.Equal(["system", "cli", "user:ann@example.com"], (await Store.QueryAuditAsync(new AuditQuery())).Events.Select(e => e.Actor));
    }

    [Fact]
    public async Task Secrets_in_audit_changes_are_fingerprints_that_show_a_rotation_without_the_value()
    {
        var acme = await AddOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-first-secret"}}}}}""");
        await Store.UpdateOrganizationAsync(acme with { Config = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-second-secret"}}}}}""") });
        var key = AccessFactory.Key(acme, "fingerpr2345", Time);
        await Store.CreateApiKeyAsync(key);

        var events = (await Store.QueryAuditAsync(new AuditQuery())).Events;
        var dump = string.Join('\n', events.Select(e => e.Changes));

        Assert.DoesNotContain("sk-first-secret", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-second-secret", dump, StringComparison.Ordinal);
        Assert.DoesNotContain(key.SecretHash, dump, StringComparison.Ordinal);
        var configSet = events.Single(e => e.Action == "org.config.set");
        using var changes = JsonDocument.Parse(configSet.Changes);
        var apiKey = changes.RootElement.GetProperty("/config/setups/default/providers/openai/api_key");
        Assert.Equal(SecretFingerprint.Of("sk-first-secret"), apiKey.GetProperty("from").GetString());
        Assert.Equal(SecretFingerprint.Of("sk-second-secret"), apiKey.GetProperty("to").GetString());
        Assert.Contains("\"secret\":{\"from\":null,\"to\":\"sha256:" + key.SecretHash[..8] + "\"}", events.Single(e => e.Action == "apikey.create").Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_is_queried_by_organization_actor_action_and_time_newest_first()
    {
        var acme = await AddOrganizationAsync("acme");
        Time.Advance(TimeSpan.FromHours(1));
        var noon = Time.GetUtcNow();
        using (AuditActor.Use(AuditActor.Cli))
        {
            await AddOrganizationAsync("beta");
            await Store.CreateApiKeyAsync(AccessFactory.Key(acme, "querykey2345", Time));
        }

        Time.Advance(TimeSpan.FromHours(1));
        await Store.UpdateOrganizationAsync(acme with { Plan = "pro" });

        async Task<string[]> Actions(AuditQuery query) => [.. (await Store.QueryAuditAsync(query)).Events.Select(e => e.Action + ":" + e.Organization)];

        Assert.Equal(["org.plan.set:acme", "apikey.create:acme", "org.create:acme"], await Actions(new AuditQuery { Organization = "acme" }));
        Assert.Equal(["apikey.create:acme", "org.create:beta"], await Actions(new AuditQuery { Actor = "cli" }));
        Assert.Equal(["org.create:beta", "org.create:acme"], await Actions(new AuditQuery { Action = "org.create" }));
        Assert.Equal(["org.plan.set:acme", "org.create:beta", "org.create:acme"], await Actions(new AuditQuery { Action = "org.*" }));
        Assert.Equal(["org.plan.set:acme", "apikey.create:acme", "org.create:beta"], await Actions(new AuditQuery { Since = noon }));
        Assert.Equal(["apikey.create:acme", "org.create:beta", "org.create:acme"], await Actions(new AuditQuery { Until = noon.AddMinutes(30) }));
        Assert.Empty(await Actions(new AuditQuery { Organization = "acme", Actor = "cli", Action = "org.create" }));
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_until_it_runs_out()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddUserAsync($"user{i}@example.com");
        }

        var first = await Store.QueryAuditAsync(new AuditQuery { Limit = 2 });
        var second = await Store.QueryAuditAsync(new AuditQuery { Limit = 2, Before = first.NextBefore });
        var third = await Store.QueryAuditAsync(new AuditQuery { Limit = 2, Before = second.NextBefore });

        Assert.Equal(["user4@example.com", "user3@example.com"], first.Events.Select(e => e.Target));
        Assert.Equal(["user2@example.com", "user1@example.com"], second.Events.Select(e => e.Target));
        Assert.Equal(["user0@example.com"], third.Events.Select(e => e.Target));
        Assert.Null(third.NextBefore);
        Assert.Equal(first.Events[1].Id, first.NextBefore);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.QueryAuditAsync(new AuditQuery { Limit = 0 }));
    }
}
