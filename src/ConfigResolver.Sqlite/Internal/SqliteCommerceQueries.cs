using ConfigResolver.Commerce;
using ConfigResolver.Usage;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>The SQL of plans, teams, model groups and usage counters.</summary>
internal static class SqliteCommerceQueries
{
    public static CommerceState State(SqliteConnection c, SqliteTransaction? t, Guid organizationId) =>
        CommerceJson.Parse(organizationId, SqliteCommands.Scalar(c, t, "SELECT document FROM org_commerce WHERE organization_id = $org", ("$org", SqliteRows.Id(organizationId))) as string);

    public static void Save(SqliteConnection c, SqliteTransaction t, CommerceState state) =>
        SqliteCommands.Execute(
            c,
            t,
            "INSERT INTO org_commerce (organization_id, document) VALUES ($org, $doc) ON CONFLICT (organization_id) DO UPDATE SET document = excluded.document",
            ("$org", SqliteRows.Id(state.OrganizationId)),
            ("$doc", CommerceJson.Serialize(state)));

    /// <summary>Removes a user who left the organization from its teams.</summary>
    public static void RemoveTeamMember(SqliteConnection c, SqliteTransaction t, Guid organizationId, Guid userId)
    {
        var state = State(c, t, organizationId);
        var next = CommerceJson.WithoutMember(state, userId);
        if (!ReferenceEquals(state, next))
        {
            Save(c, t, next);
        }
    }

    public static CommerceCounts Counts(SqliteConnection c, SqliteTransaction? t, Guid organizationId, DateTimeOffset now)
    {
        var org = ("$org", (object?)SqliteRows.Id(organizationId));
        var members = Count(c, t, "SELECT COUNT(*) FROM memberships WHERE organization_id = $org", org);
        var pending = Count(c, t, "SELECT COUNT(*) FROM invitations WHERE organization_id = $org AND status = 'pending' AND expires_at > $now", org, ("$now", SqliteRows.Time(now)));
        var keys = Count(c, t, "SELECT COUNT(*) FROM api_keys WHERE organization_id = $org AND revoked_at IS NULL", org);
        return new CommerceCounts(members, pending, keys);
    }

    /// <summary>Refuses a new seat beyond the plan, read and counted inside the caller's transaction.</summary>
    public static void CheckSeat(SqliteConnection c, SqliteTransaction t, Guid organizationId, string slug, DateTimeOffset now) =>
        CommerceRules.CheckSeat(slug, State(c, t, organizationId), Counts(c, t, organizationId, now));

    /// <summary>Refuses a new API key beyond the plan, read and counted inside the caller's transaction.</summary>
    public static void CheckApiKey(SqliteConnection c, SqliteTransaction t, Guid organizationId, string slug, DateTimeOffset now, string? team) =>
        CommerceRules.CheckApiKey(slug, State(c, t, organizationId), Counts(c, t, organizationId, now), team);

    public static long Used(SqliteConnection c, SqliteTransaction t, Guid organizationId, string team, string meter, string period) =>
        SqliteCommands.Scalar(
            c,
            t,
            "SELECT consumed + leased FROM usage_counters WHERE organization_id = $org AND team = $team AND meter = $meter AND period = $period",
            ("$org", SqliteRows.Id(organizationId)),
            ("$team", team),
            ("$meter", meter),
            ("$period", period)) as long? ?? 0;

    /// <summary>Adds to a counter (creating it): consumed += <paramref name="consumed"/>, leased += <paramref name="leased"/> (never below 0).</summary>
    public static void Add(SqliteConnection c, SqliteTransaction t, Guid organizationId, string team, string meter, string period, long consumed, long leased) =>
        SqliteCommands.Execute(
            c,
            t,
            "INSERT INTO usage_counters (organization_id, team, meter, period, consumed, leased) VALUES ($org, $team, $meter, $period, MAX($consumed, 0), MAX($leased, 0)) "
            + "ON CONFLICT (organization_id, period, team, meter) DO UPDATE SET consumed = MAX(consumed + $consumed, 0), leased = MAX(leased + $leased, 0)",
            ("$org", SqliteRows.Id(organizationId)),
            ("$team", team),
            ("$meter", meter),
            ("$period", period),
            ("$consumed", consumed),
            ("$leased", leased));

    public static List<UsageCounter> Counters(SqliteConnection c, Guid organizationId, string period)
    {
        using var command = SqliteCommands.Create(
            c,
            null,
            "SELECT team, meter, period, consumed, leased FROM usage_counters WHERE organization_id = $org AND period = $period ORDER BY team, meter",
            ("$org", SqliteRows.Id(organizationId)),
            ("$period", period));
        using var reader = command.ExecuteReader();
        var counters = new List<UsageCounter>();
        while (reader.Read())
        {
            var team = reader.GetString(0);
            counters.Add(new UsageCounter(team.Length == 0 ? null : team, reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return counters;
    }

    private static int Count(SqliteConnection c, SqliteTransaction? t, string sql, params (string Name, object? Value)[] parameters) =>
        (int)(SqliteCommands.Scalar(c, t, sql, parameters) as long? ?? 0);
}
