using ConfigResolver.Commerce;
using ConfigResolver.Usage;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>The SQL of plans, teams, model groups and usage counters.</summary>
internal static class PgCommerceQueries
{
    public static async Task<CommerceState> StateAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, CancellationToken ct) =>
        CommerceJson.Parse(organizationId, await PgCommands.ScalarAsync(c, t, "SELECT document FROM org_commerce WHERE organization_id = @org", ct, ("org", organizationId)).ConfigureAwait(false) as string);

    public static Task SaveAsync(NpgsqlConnection c, NpgsqlTransaction t, CommerceState state, CancellationToken ct) =>
        PgCommands.ExecuteAsync(
            c,
            t,
            "INSERT INTO org_commerce (organization_id, document) VALUES (@org, @doc) ON CONFLICT (organization_id) DO UPDATE SET document = excluded.document",
            ct,
            ("org", state.OrganizationId),
            ("doc", CommerceJson.Serialize(state)));

    /// <summary>Removes a user who left the organization from its teams.</summary>
    public static async Task RemoveTeamMemberAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid organizationId, Guid userId, CancellationToken ct)
    {
        var state = await StateAsync(c, t, organizationId, ct).ConfigureAwait(false);
        var next = CommerceJson.WithoutMember(state, userId);
        if (!ReferenceEquals(state, next))
        {
            await SaveAsync(c, t, next, ct).ConfigureAwait(false);
        }
    }

    public static async Task<CommerceCounts> CountsAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, DateTimeOffset now, CancellationToken ct)
    {
        var members = await CountAsync(c, t, "SELECT COUNT(*) FROM memberships WHERE organization_id = @org", ct, ("org", organizationId)).ConfigureAwait(false);
        var pending = await CountAsync(c, t, "SELECT COUNT(*) FROM invitations WHERE organization_id = @org AND status = 'pending' AND expires_at > @now", ct, ("org", organizationId), ("now", PgRows.Time(now))).ConfigureAwait(false);
        var keys = await CountAsync(c, t, "SELECT COUNT(*) FROM api_keys WHERE organization_id = @org AND revoked_at IS NULL", ct, ("org", organizationId)).ConfigureAwait(false);
        return new CommerceCounts(members, pending, keys);
    }

    /// <summary>Refuses a new seat beyond the plan, read and counted inside the caller's transaction.</summary>
    public static async Task CheckSeatAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid organizationId, string slug, DateTimeOffset now, CancellationToken ct) =>
        CommerceRules.CheckSeat(slug, await StateAsync(c, t, organizationId, ct).ConfigureAwait(false), await CountsAsync(c, t, organizationId, now, ct).ConfigureAwait(false));

    /// <summary>Refuses a new API key beyond the plan, read and counted inside the caller's transaction.</summary>
    public static async Task CheckApiKeyAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid organizationId, string slug, DateTimeOffset now, string? team, CancellationToken ct) =>
        CommerceRules.CheckApiKey(slug, await StateAsync(c, t, organizationId, ct).ConfigureAwait(false), await CountsAsync(c, t, organizationId, now, ct).ConfigureAwait(false), team);

    /// <summary>Creates the counter if missing, then locks its row until the transaction ends and returns consumed + leased.</summary>
    public static async Task<long> LockUsedAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid organizationId, string team, string meter, string period, CancellationToken ct)
    {
        await PgCommands.ExecuteAsync(
            c,
            t,
            "INSERT INTO usage_counters (organization_id, team, meter, period) VALUES (@org, @team, @meter, @period) ON CONFLICT DO NOTHING",
            ct,
            ("org", organizationId),
            ("team", team),
            ("meter", meter),
            ("period", period)).ConfigureAwait(false);
        return await PgCommands.ScalarAsync(
            c,
            t,
            "SELECT consumed + leased FROM usage_counters WHERE organization_id = @org AND team = @team AND meter = @meter AND period = @period FOR UPDATE",
            ct,
            ("org", organizationId),
            ("team", team),
            ("meter", meter),
            ("period", period)).ConfigureAwait(false) as long? ?? 0;
    }

    /// <summary>Adds to a counter (creating it): consumed += <paramref name="consumed"/>, leased += <paramref name="leased"/> (never below 0).</summary>
    public static Task AddAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid organizationId, string team, string meter, string period, long consumed, long leased, CancellationToken ct) =>
        PgCommands.ExecuteAsync(
            c,
            t,
            "INSERT INTO usage_counters (organization_id, team, meter, period, consumed, leased) VALUES (@org, @team, @meter, @period, GREATEST(@consumed, 0), GREATEST(@leased, 0)) "
            + "ON CONFLICT (organization_id, period, team, meter) DO UPDATE SET consumed = GREATEST(usage_counters.consumed + @consumed, 0), leased = GREATEST(usage_counters.leased + @leased, 0)",
            ct,
            ("org", organizationId),
            ("team", team),
            ("meter", meter),
            ("period", period),
            ("consumed", consumed),
            ("leased", leased));

    public static Task<List<UsageCounter>> CountersAsync(NpgsqlConnection c, Guid organizationId, string period, CancellationToken ct) =>
        PgCommands.ListAsync(
            c,
            null,
            static r => new UsageCounter(r.GetString(0).Length == 0 ? null : r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)),
            "SELECT team, meter, period, consumed, leased FROM usage_counters WHERE organization_id = @org AND period = @period ORDER BY team, meter",
            ct,
            ("org", organizationId),
            ("period", period));

    private static async Task<int> CountAsync(NpgsqlConnection c, NpgsqlTransaction? t, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        (int)(await PgCommands.ScalarAsync(c, t, sql, ct, parameters).ConfigureAwait(false) as long? ?? 0);
}
