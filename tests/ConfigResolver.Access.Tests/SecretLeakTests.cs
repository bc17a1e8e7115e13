using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Auditing;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Access.Tests;

/// <summary>
/// One run through every access flow, successes and failures, with every component logging into one capturing logger:
/// no API key, token, invitation token or sign-up key (nor 16 characters of one's random part) may appear in a log line,
/// an exception, the audit log or a listing.
/// </summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task No_secret_reaches_logs_exceptions_the_audit_log_or_listings()
    {
        var logs = new CapturingLogger();
        var clock = TestTime.CreateClock();
        await using var world = await AccessWorld.CreateAsync(
            new InMemoryTenantStore(timeProvider: clock, logger: logs.For<InMemoryTenantStore>()),
            o =>
            {
                o.DeploymentSignupEnabled = true;
                o.DeploymentSignupKey = new Secret("deployment-signup-key-5678");
            },
            clock);
        var secrets = new List<string> { "deployment-signup-key-5678", "join-beta-2026", "sk-acme-secret" };
        var failures = new List<Exception>();
        async Task Refused(Func<Task> attempt) => failures.Add(await Assert.ThrowsAnyAsync<ConfigResolverException>(attempt));

        await using var authenticator = new ApiKeyAuthenticator(world.Store, world.Options, logs.For<ApiKeyAuthenticator>());
        var tokens = new AccessTokenService(authenticator, world.Options, logs.For<AccessTokenService>());
        var keys = new ApiKeyService(world.Store, world.Snapshot, world.Options, world.Resolver, logs.For<ApiKeyService>());
        var ann = await world.PrincipalAsync("ann@acme.example");
        using (AuditActor.Use(AuditActor.User("ann@acme.example")))
        {
            var created = await keys.CreateApiKeyAsync("acme", ann, "ci", ["agents:*"]);
            var rotated = await keys.RotateApiKeyAsync("acme", created.Key.Id.ToString(), TimeSpan.FromMinutes(1));
            var token = await tokens.IssueTokenAsync(rotated.Secret.Reveal(), ["agents:read"], TimeSpan.FromHours(1));
            secrets.AddRange([created.Secret.Reveal(), rotated.Secret.Reveal(), token.Token.Reveal(), created.Secret.Reveal()[18..34], rotated.Secret.Reveal()[18..34]]);
            await authenticator.AuthenticateAsync(rotated.Secret.Reveal());
            tokens.VerifyToken(token.Token.Reveal());
            await Refused(async () => await authenticator.AuthenticateAsync(rotated.Secret.Reveal()[..^1] + "a"));
            await Refused(() => Task.FromResult(tokens.VerifyToken(token.Token.Reveal()[..^2])));
            await Refused(() => keys.CreateApiKeyAsync("acme", world.PrincipalAsync("vic@acme.example").Result, "vic", ["agents:delete"]));
            await keys.RevokeApiKeyAsync("acme", created.Key.Id.ToString());
            await Refused(async () => await authenticator.AuthenticateAsync(rotated.Secret.Reveal()));
            await Refused(() => Task.FromResult(tokens.VerifyToken(token.Token.Reveal())));

            var invitations = new InvitationService(world.Store, world.Snapshot, world.Options, logs.For<InvitationService>());
            var invited = await invitations.CreateAsync("acme", "erin@example.com", MembershipRole.Member, "ann@acme.example");
            var resent = await invitations.ResendAsync("acme", invited.Invitation.Id.ToString());
            secrets.AddRange([invited.Token.Reveal()[9..25], resent.Token.Reveal()[9..25]]);
            await Refused(() => invitations.AcceptAsync(invited.Token.Reveal(), "erin@example.com"));
            await Refused(() => invitations.AcceptAsync(resent.Token.Reveal(), "mallory@example.com"));
            await invitations.AcceptAsync(resent.Token.Reveal(), "erin@example.com");
            await Refused(() => invitations.AcceptAsync(resent.Token.Reveal(), "erin@example.com"));
        }

        var signup = new SignupService(world.Store, world.Options, logs.For<SignupService>());
        await signup.SignUpAsync("join-beta-2026", "frank@example.com");
        await signup.SignUpAsync("deployment-signup-key-5678", "gina@example.com");
        await Refused(() => signup.SignUpAsync("join-beta-2026x", "hal@example.com"));
        await authenticator.FlushUsageAsync();

        var audit = string.Join('\n', (await world.Store.QueryAuditAsync(new AuditQuery { Limit = AuditQuery.MaxLimit })).Events.Select(e => e.Action + " " + e.Changes + e.Target + e.Actor));
        var listings = string.Join('\n', (await keys.ListApiKeysAsync("acme")).Select(k => k.ToString()))
            + string.Join('\n', (await world.Store.ListInvitationsAsync((await world.Store.FindOrganizationBySlugAsync("acme"))!.Id)).Select(i => i.ToString()));
        var thrown = string.Join('\n', failures.Select(f => f.ToString()));
        Assert.Equal(9, failures.Count);
        Assert.Contains(logs.Lines, l => l.Contains("API key refused (ACC5001)", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Access token refused (ACC5105)", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Invitation acceptance refused (ACC5205)", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Sign-up refused", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.False(logs.All.Contains(secret, StringComparison.Ordinal), "log: " + secret[..4]);
            Assert.False(thrown.Contains(secret, StringComparison.Ordinal), "exception: " + secret[..4]);
            Assert.False(audit.Contains(secret, StringComparison.Ordinal), "audit: " + secret[..4]);
            Assert.False(listings.Contains(secret, StringComparison.Ordinal), "listing: " + secret[..4]);
        }

        Assert.Contains("apikey.rotate", audit, StringComparison.Ordinal);
        Assert.Contains("sha256:", audit, StringComparison.Ordinal);
    }
}
