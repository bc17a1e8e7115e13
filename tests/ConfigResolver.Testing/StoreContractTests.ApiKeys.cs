using ConfigResolver.Access;
using ConfigResolver.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Validation;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_api_key_reads_back_by_id_and_prefix_with_every_field()
    {
        var acme = await AddOrganizationAsync("acme");
        var ann = await AddUserAsync("ann@example.com");
        var key = AccessFactory.Key(acme, "abcd2345efgh", Time, "agents:*", "tools:read") with
        {
            ActAsUserId = ann.Id,
            ExpiresAt = new DateTimeOffset(2026, 12, 31, 2, 0, 0, TimeSpan.FromHours(2)),
        };

        await Store.CreateApiKeyAsync(key);

        Assert.Equal(key, await Store.GetApiKeyAsync(key.Id));
        Assert.Equal(key, await Store.FindApiKeyByPrefixAsync("abcd2345efgh"));
        Assert.Null(await Store.FindApiKeyByPrefixAsync("ABCD2345EFGH"));
        Assert.Equal(["agents:*", "tools:read"], (await Store.GetApiKeyAsync(key.Id))!.Scopes.ToArray());
    }

    [Fact]
    public async Task Listing_api_keys_returns_one_organizations_keys_oldest_first()
    {
        var acme = await AddOrganizationAsync("acme");
        var beta = await AddOrganizationAsync("beta");
        var first = AccessFactory.Key(acme, "first2345abc", Time);
        await Store.CreateApiKeyAsync(first);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = AccessFactory.Key(acme, "second234abc", Time);
        await Store.CreateApiKeyAsync(second);
        await Store.CreateApiKeyAsync(AccessFactory.Key(beta, "other2345abc", Time));

        Assert.Equal([first.Id, second.Id], (await Store.ListApiKeysAsync(acme.Id)).Select(k => k.Id));
    }

    [Fact]
    public async Task An_api_key_of_an_unknown_organization_or_with_a_taken_prefix_is_refused()
    {
        var acme = await AddOrganizationAsync("acme");
        await Store.CreateApiKeyAsync(AccessFactory.Key(acme, "taken2345abc", Time));
        var ghost = TenantFactory.Organization("ghost", Time);

        await AssertRefusedAsync<TenantValidationException>(() => Store.CreateApiKeyAsync(AccessFactory.Key(ghost, "ghost2345abc", Time)), DiagnosticCodes.UnknownOrganization);
        await AssertRefusedAsync<AccessException>(() => Store.CreateApiKeyAsync(AccessFactory.Key(acme, "taken2345abc", Time)), AccessDiagnosticCodes.InvalidApiKeyRequest);
    }

    [Fact]
    public async Task Rotation_replaces_the_hash_and_keeps_the_old_one_only_for_a_grace_period()
    {
        var acme = await AddOrganizationAsync("acme");
        var key = AccessFactory.Key(acme, "rotate234abc", Time);
        await Store.CreateApiKeyAsync(key);
        Time.Advance(TimeSpan.FromHours(1));

        var graced = await Store.RotateApiKeyAsync(new ApiKeyRotation(acme.Id, key.Id, AccessFactory.Hash("second"), Time.GetUtcNow()) { PreviousValidUntil = Time.GetUtcNow().AddMinutes(5) });
        var immediate = await Store.RotateApiKeyAsync(new ApiKeyRotation(acme.Id, key.Id, AccessFactory.Hash("third"), Time.GetUtcNow()));

        Assert.Equal((AccessFactory.Hash("second"), key.SecretHash, Time.GetUtcNow().AddMinutes(5)), (graced.SecretHash, graced.PreviousSecretHash, graced.PreviousSecretValidUntil));
        Assert.Equal((AccessFactory.Hash("third"), (string?)null, (DateTimeOffset?)null, Time.GetUtcNow()), (immediate.SecretHash, immediate.PreviousSecretHash, immediate.PreviousSecretValidUntil, immediate.RotatedAt));
        Assert.Equal(immediate, await Store.GetApiKeyAsync(key.Id));
    }

    [Fact]
    public async Task A_key_cannot_be_rotated_or_revoked_through_another_organization()
    {
        var acme = await AddOrganizationAsync("acme");
        var beta = await AddOrganizationAsync("beta");
        var key = AccessFactory.Key(acme, "crossorg2345", Time);
        await Store.CreateApiKeyAsync(key);

        await AssertRefusedAsync<AccessException>(() => Store.RevokeApiKeyAsync(beta.Id, key.Id, Time.GetUtcNow()), AccessDiagnosticCodes.UnknownApiKey);
        await AssertRefusedAsync<AccessException>(() => Store.RotateApiKeyAsync(new ApiKeyRotation(beta.Id, key.Id, AccessFactory.Hash("x"), Time.GetUtcNow())), AccessDiagnosticCodes.UnknownApiKey);
        await AssertRefusedAsync<AccessException>(() => Store.RevokeApiKeyAsync(acme.Id, Guid.NewGuid(), Time.GetUtcNow()), AccessDiagnosticCodes.UnknownApiKey);
    }

    [Fact]
    public async Task A_revoked_key_stays_revoked_and_cannot_be_rotated_or_revoked_again()
    {
        var acme = await AddOrganizationAsync("acme");
        var key = AccessFactory.Key(acme, "revoke234abc", Time);
        await Store.CreateApiKeyAsync(key);

        var revoked = await Store.RevokeApiKeyAsync(acme.Id, key.Id, Time.GetUtcNow());

        Assert.Equal(Time.GetUtcNow(), (await Store.GetApiKeyAsync(key.Id))!.RevokedAt);
        Assert.Equal(revoked, await Store.GetApiKeyAsync(key.Id));
        await AssertRefusedAsync<AccessException>(() => Store.RevokeApiKeyAsync(acme.Id, key.Id, Time.GetUtcNow()), AccessDiagnosticCodes.ApiKeyAlreadyRevoked);
        await AssertRefusedAsync<AccessException>(() => Store.RotateApiKeyAsync(new ApiKeyRotation(acme.Id, key.Id, AccessFactory.Hash("x"), Time.GetUtcNow())), AccessDiagnosticCodes.ApiKeyRevoked);
    }

    [Fact]
    public async Task Revoked_keys_are_listed_by_revocation_time_including_the_keys_of_a_deleted_organization()
    {
        var acme = await AddOrganizationAsync("acme");
        var beta = await AddOrganizationAsync("beta");
        var old = AccessFactory.Key(acme, "oldkey234abc", Time);
        var kept = AccessFactory.Key(acme, "keptkey23abc", Time);
        var betaKey = AccessFactory.Key(beta, "betakey23abc", Time);
        foreach (var key in new[] { old, kept, betaKey })
        {
            await Store.CreateApiKeyAsync(key);
        }

        await Store.RevokeApiKeyAsync(acme.Id, old.Id, Time.GetUtcNow());
        Time.Advance(TimeSpan.FromHours(1));
        var since = Time.GetUtcNow();
        await Store.DeleteOrganizationAsync(beta.Id);

        var revoked = await Store.ListApiKeysRevokedSinceAsync(since);

        Assert.Equal([betaKey.Id], revoked.Select(k => k.Id));
        Assert.Equal(since, revoked[0].RevokedAt);
        Assert.Equal([old.Id, betaKey.Id], (await Store.ListApiKeysRevokedSinceAsync(since.AddDays(-1))).Select(k => k.Id));
        Assert.Null((await Store.GetApiKeyAsync(kept.Id))!.RevokedAt);
    }

    [Fact]
    public async Task Usage_only_moves_last_used_forward_and_is_neither_logged_nor_audited()
    {
        var acme = await AddOrganizationAsync("acme");
        var key = AccessFactory.Key(acme, "usage2345abc", Time);
        await Store.CreateApiKeyAsync(key);
        var revision = Store.PublishedRevision;
        var audit = (await Store.QueryAuditAsync(new Auditing.AuditQuery())).Events.Length;
        using var recorder = new ChangeRecorder(Store);
        var later = Time.GetUtcNow().AddMinutes(10);

        await Store.RecordApiKeyUsageAsync([new ApiKeyUsage(key.Id, later), new ApiKeyUsage(Guid.NewGuid(), later)]);
        await Store.RecordApiKeyUsageAsync([new ApiKeyUsage(key.Id, later.AddMinutes(-5))]);

        Assert.Equal(later, (await Store.GetApiKeyAsync(key.Id))!.LastUsedAt);
        Assert.Equal(revision, (await Store.ReadChangeLogAsync(0, 1000)).LatestRevision);
        Assert.Equal(audit, (await Store.QueryAuditAsync(new Auditing.AuditQuery())).Events.Length);
        Assert.Empty(recorder.Changes);
    }

    [Fact]
    public async Task A_key_write_is_published_and_logged_with_the_key_so_other_instances_can_drop_it()
    {
        var acme = await AddOrganizationAsync("acme");
        var key = AccessFactory.Key(acme, "feed23456abc", Time);
        await Store.CreateApiKeyAsync(key);
        using var recorder = new ChangeRecorder(Store);

        var revoked = await Store.RevokeApiKeyAsync(acme.Id, key.Id, Time.GetUtcNow());

        var change = Assert.Single(recorder.Changes);
        Assert.Equal((TenantChangeKind.ApiKeyChanged, key.Id, acme.Id, "acme", revoked), (change.Kind, change.EntityId, change.OrganizationId, change.OrganizationSlug, change.ApiKey));
        var row = Assert.Single((await Store.ReadChangeLogAsync(change.Revision - 1, 10)).Entries);
        Assert.Equal((TenantChangeKind.ApiKeyChanged, (Guid?)key.Id, (Guid?)acme.Id), (row.Kind, row.EntityId, row.OrganizationId));
        var remote = Assert.Single(row.ToChanges(_ => null, _ => null, id => id == key.Id ? revoked : null));
        Assert.Equal((TenantChangeKind.ApiKeyChanged, (Guid?)key.Id, revoked, true), (remote.Kind, remote.EntityId, remote.ApiKey, remote.IsRemote));
    }
}
