using System.Text;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using Npgsql;
using static ConfigResolver.Postgres.Internal.PgAccessRows;

namespace ConfigResolver.Postgres.Internal;

/// <summary>Reads and writes of API keys, invitations and the audit log, for plain reads and write transactions alike.</summary>
internal static class PgAccessQueries
{
    public const string InsertKeySql =
        "INSERT INTO api_keys (" + KeyColumns + ") VALUES (@id, @organization_id, @organization_slug, @name, @prefix, @secret_hash, "
        + "@previous_secret_hash, @previous_secret_valid_until, @scopes_json, @act_as_user_id, @created_by, @created_at, @expires_at, "
        + "@rotated_at, @revoked_at, @last_used_at, @team)";

    public const string UpdateKeySql =
        "UPDATE api_keys SET secret_hash = @secret_hash, previous_secret_hash = @previous_secret_hash, "
        + "previous_secret_valid_until = @previous_secret_valid_until, rotated_at = @rotated_at, revoked_at = @revoked_at WHERE id = @id";

    public const string InsertInvitationSql =
        "INSERT INTO invitations (" + InvitationColumns + ") VALUES (@id, @organization_id, @organization_slug, @email, @role, @token_hash, "
        + "@message, @invited_by, @created_at, @expires_at, @status, @closed_at, @accepted_user_id)";

    public const string UpdateInvitationSql =
        "UPDATE invitations SET token_hash = @token_hash, expires_at = @expires_at, status = @status, closed_at = @closed_at, "
        + "accepted_user_id = @accepted_user_id WHERE id = @id";

    public static Task<ApiKey?> KeyByIdAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid id, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE id = @id", ct, ("id", id));

    public static Task<ApiKey?> KeyByPrefixAsync(NpgsqlConnection c, NpgsqlTransaction? t, string prefix, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE prefix = @prefix", ct, ("prefix", prefix));

    public static Task<List<ApiKey>> KeysOfOrganizationAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, CancellationToken ct) =>
        PgCommands.ListAsync(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE organization_id = @org ORDER BY created_at, id", ct, ("org", organizationId));

    public static Task<List<ApiKey>> KeysRevokedSinceAsync(NpgsqlConnection c, NpgsqlTransaction? t, DateTimeOffset since, CancellationToken ct) =>
        PgCommands.ListAsync(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE revoked_at >= @since ORDER BY revoked_at, id", ct, ("since", Utc(since)));

    public static Task<List<ApiKey>> KeysByIdsAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid[] ids, CancellationToken ct) =>
        PgCommands.ListAsync(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE id = ANY(@ids)", ct, ("ids", ids));

    public static Task<Invitation?> InvitationByIdAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid id, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadInvitation, "SELECT " + InvitationColumns + " FROM invitations WHERE id = @id", ct, ("id", id));

    public static Task<Invitation?> InvitationByTokenAsync(NpgsqlConnection c, NpgsqlTransaction? t, string tokenHash, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadInvitation, "SELECT " + InvitationColumns + " FROM invitations WHERE token_hash = @hash", ct, ("hash", tokenHash));

    public static Task<List<Invitation>> InvitationsOfOrganizationAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, CancellationToken ct) =>
        PgCommands.ListAsync(c, t, ReadInvitation, "SELECT " + InvitationColumns + " FROM invitations WHERE organization_id = @org ORDER BY created_at, id", ct, ("org", organizationId));

    /// <summary>The audit insert as one command of a batch (a write appends it with its change-log row: one round trip).</summary>
    public static NpgsqlBatchCommand AppendAuditCommand(AuditEvent audit)
    {
        var command = new NpgsqlBatchCommand(AppendAuditSql);
        foreach (var (name, value) in AuditParameters(audit))
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private const string AppendAuditSql =
        "INSERT INTO audit_log (" + AuditColumns + ") VALUES (@id, @at, @actor, @action, @organization_id, @organization_slug, @target, @changes_json)";

    /// <summary>One page, newest first, reading one row more than the limit to know whether more exist.</summary>
    public static async Task<AuditPage> AuditAsync(NpgsqlConnection c, NpgsqlTransaction? t, AuditQuery query, CancellationToken ct)
    {
        var sql = new StringBuilder("SELECT " + AuditColumns + " FROM audit_log WHERE true");
        var parameters = new List<(string, object?)>();
        void Where(string condition, string name, object? value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (query.Organization is { } organization)
        {
            Where("organization_slug = @org", "org", organization);
        }

        if (query.Actor is { } actor)
        {
            Where("actor = @actor", "actor", actor);
        }

        if (query.ActionPrefix is { } prefix)
        {
            // left(), not LIKE: a '_' or '%' in a name must not act as a wildcard.
            Where("left(action, length(@prefix)) = @prefix", "prefix", prefix);
        }
        else if (query.Action is { } action)
        {
            Where("action = @action", "action", action);
        }

        if (query.Since is { } since)
        {
            Where("at >= @since", "since", Utc(since));
        }

        if (query.Until is { } until)
        {
            Where("at < @until", "until", Utc(until));
        }

        if (query.Before is { } before)
        {
            Where("id < @before", "before", before);
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        parameters.Add(("limit", query.Limit + 1));
        return AuditPage.From(await PgCommands.ListAsync(c, t, ReadAudit, sql.ToString(), ct, [.. parameters]).ConfigureAwait(false), query.Limit);
    }
}
