using System.Text;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using Microsoft.Data.Sqlite;
using static ConfigResolver.Sqlite.Internal.SqliteAccessRows;
using static ConfigResolver.Sqlite.Internal.SqliteRows;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>Reads and writes of API keys, invitations and the audit log, for read connections and write transactions alike.</summary>
internal static class SqliteAccessQueries
{
    public const string InsertKeySql =
        "INSERT INTO api_keys (" + KeyColumns + ") VALUES ($id, $organization_id, $organization_slug, $name, $prefix, $secret_hash, "
        + "$previous_secret_hash, $previous_secret_valid_until, $scopes_json, $act_as_user_id, $created_by, $created_at, $expires_at, "
        + "$rotated_at, $revoked_at, $last_used_at, $team)";

    public const string UpdateKeySql =
        "UPDATE api_keys SET secret_hash = $secret_hash, previous_secret_hash = $previous_secret_hash, "
        + "previous_secret_valid_until = $previous_secret_valid_until, rotated_at = $rotated_at, revoked_at = $revoked_at WHERE id = $id";

    public const string InsertInvitationSql =
        "INSERT INTO invitations (" + InvitationColumns + ") VALUES ($id, $organization_id, $organization_slug, $email, $role, $token_hash, "
        + "$message, $invited_by, $created_at, $expires_at, $status, $closed_at, $accepted_user_id)";

    public const string UpdateInvitationSql =
        "UPDATE invitations SET token_hash = $token_hash, expires_at = $expires_at, status = $status, closed_at = $closed_at, "
        + "accepted_user_id = $accepted_user_id WHERE id = $id";

    public static ApiKey? KeyById(SqliteConnection c, SqliteTransaction? t, Guid id) =>
        SqliteCommands.Single(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE id = $id", ("$id", Id(id)));

    public static ApiKey? KeyByPrefix(SqliteConnection c, SqliteTransaction? t, string prefix) =>
        SqliteCommands.Single(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE prefix = $prefix", ("$prefix", prefix));

    public static List<ApiKey> KeysOfOrganization(SqliteConnection c, SqliteTransaction? t, Guid organizationId) =>
        SqliteCommands.List(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE organization_id = $org ORDER BY created_at, id", ("$org", Id(organizationId)));

    public static List<ApiKey> KeysRevokedSince(SqliteConnection c, SqliteTransaction? t, DateTimeOffset since) =>
        SqliteCommands.List(c, t, ReadKey, "SELECT " + KeyColumns + " FROM api_keys WHERE revoked_at >= $since ORDER BY revoked_at, id", ("$since", Utc(since)));

    public static Invitation? InvitationById(SqliteConnection c, SqliteTransaction? t, Guid id) =>
        SqliteCommands.Single(c, t, ReadInvitation, "SELECT " + InvitationColumns + " FROM invitations WHERE id = $id", ("$id", Id(id)));

    public static Invitation? InvitationByToken(SqliteConnection c, SqliteTransaction? t, string tokenHash) =>
        SqliteCommands.Single(c, t, ReadInvitation, "SELECT " + InvitationColumns + " FROM invitations WHERE token_hash = $hash", ("$hash", tokenHash));

    public static List<Invitation> InvitationsOfOrganization(SqliteConnection c, SqliteTransaction? t, Guid organizationId) =>
        SqliteCommands.List(c, t, ReadInvitation, "SELECT " + InvitationColumns + " FROM invitations WHERE organization_id = $org ORDER BY created_at, id", ("$org", Id(organizationId)));

    public static void AppendAudit(SqliteConnection c, SqliteTransaction t, AuditEvent audit) =>
        SqliteCommands.Execute(c, t, "INSERT INTO audit_log (" + AuditColumns + ") VALUES ($id, $at, $actor, $action, $organization_id, $organization_slug, $target, $changes_json)", AuditParameters(audit));

    /// <summary>One page, newest first: the filters as indexed conditions, one row more than the limit to know whether more exist.</summary>
    public static AuditPage Audit(SqliteConnection c, SqliteTransaction? t, AuditQuery query)
    {
        var sql = new StringBuilder("SELECT " + AuditColumns + " FROM audit_log WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        void Where(string condition, string name, object? value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (query.Organization is { } organization)
        {
            Where("organization_slug = $org", "$org", organization);
        }

        if (query.Actor is { } actor)
        {
            Where("actor = $actor", "$actor", actor);
        }

        if (query.ActionPrefix is { } prefix)
        {
            // substr, not LIKE: action names may contain '_' or '%' in a later version, and LIKE would read them as wildcards.
            Where("substr(action, 1, length($prefix)) = $prefix", "$prefix", prefix);
        }
        else if (query.Action is { } action)
        {
            Where("action = $action", "$action", action);
        }

        if (query.Since is { } since)
        {
            Where("at >= $since", "$since", Utc(since));
        }

        if (query.Until is { } until)
        {
            Where("at < $until", "$until", Utc(until));
        }

        if (query.Before is { } before)
        {
            Where("id < $before", "$before", before);
        }

        sql.Append(" ORDER BY id DESC LIMIT $limit");
        parameters.Add(("$limit", query.Limit + 1));
        return AuditPage.From(SqliteCommands.List(c, t, ReadAudit, sql.ToString(), [.. parameters]), query.Limit);
    }
}
