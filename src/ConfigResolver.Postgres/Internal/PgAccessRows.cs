using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>How API keys, invitations and audit events map to rows (migration 0002). Times are UTC "O" text.</summary>
internal static class PgAccessRows
{
    public const string KeyColumns =
        "id, organization_id, organization_slug, name, prefix, secret_hash, previous_secret_hash, previous_secret_valid_until, scopes_json, "
        + "act_as_user_id, created_by, created_at, expires_at, rotated_at, revoked_at, last_used_at, team";

    public const string InvitationColumns =
        "id, organization_id, organization_slug, email, role, token_hash, message, invited_by, created_at, expires_at, status, closed_at, accepted_user_id";

    public const string AuditColumns = "id, at, actor, action, organization_id, organization_slug, target, changes_json";

    public static string Utc(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string? UtcOrNull(DateTimeOffset? time) => time is { } t ? Utc(t) : null;

    public static (string Name, object? Value)[] KeyParameters(ApiKey k) =>
    [
        ("id", k.Id), ("organization_id", k.OrganizationId), ("organization_slug", k.OrganizationSlug), ("name", k.Name),
        ("prefix", k.Prefix), ("secret_hash", k.SecretHash), ("previous_secret_hash", k.PreviousSecretHash),
        ("previous_secret_valid_until", UtcOrNull(k.PreviousSecretValidUntil)), ("scopes_json", JsonSerializer.Serialize(k.Scopes.ToArray())),
        ("act_as_user_id", k.ActAsUserId), ("created_by", k.CreatedBy), ("created_at", Utc(k.CreatedAt)),
        ("expires_at", UtcOrNull(k.ExpiresAt)), ("rotated_at", UtcOrNull(k.RotatedAt)), ("revoked_at", UtcOrNull(k.RevokedAt)),
        ("last_used_at", UtcOrNull(k.LastUsedAt)), ("team", k.Team),
    ];

    public static ApiKey ReadKey(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        OrganizationId = r.GetGuid(1),
        OrganizationSlug = r.GetString(2),
        Name = r.GetString(3),
        Prefix = r.GetString(4),
        SecretHash = r.GetString(5),
        PreviousSecretHash = r.IsDBNull(6) ? null : r.GetString(6),
        PreviousSecretValidUntil = OptionalTime(r, 7),
        Scopes = ReadScopes(r.GetString(8)),
        ActAsUserId = r.IsDBNull(9) ? null : r.GetGuid(9),
        CreatedBy = r.GetString(10),
        CreatedAt = ParseUtc(r.GetString(11)),
        ExpiresAt = OptionalTime(r, 12),
        RotatedAt = OptionalTime(r, 13),
        RevokedAt = OptionalTime(r, 14),
        LastUsedAt = OptionalTime(r, 15),
        Team = r.IsDBNull(16) ? null : r.GetString(16),
    };

    public static (string Name, object? Value)[] InvitationParameters(Invitation i) =>
    [
        ("id", i.Id), ("organization_id", i.OrganizationId), ("organization_slug", i.OrganizationSlug), ("email", i.Email),
        ("role", TenancyNames.ToName(i.Role)), ("token_hash", i.TokenHash), ("message", i.Message), ("invited_by", i.InvitedBy),
        ("created_at", Utc(i.CreatedAt)), ("expires_at", Utc(i.ExpiresAt)), ("status", TenancyNames.ToName(i.Status)),
        ("closed_at", UtcOrNull(i.ClosedAt)), ("accepted_user_id", i.AcceptedUserId),
    ];

    public static Invitation ReadInvitation(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        OrganizationId = r.GetGuid(1),
        OrganizationSlug = r.GetString(2),
        Email = r.GetString(3),
        Role = TenancyNames.TryParseRole(r.GetString(4), out var role) ? role : throw new InvalidDataException($"an invitation has the unknown role '{r.GetString(4)}'"),
        TokenHash = r.GetString(5),
        Message = r.IsDBNull(6) ? null : r.GetString(6),
        InvitedBy = r.GetString(7),
        CreatedAt = ParseUtc(r.GetString(8)),
        ExpiresAt = ParseUtc(r.GetString(9)),
        Status = TenancyNames.ParseInvitationStatus(r.GetString(10)),
        ClosedAt = OptionalTime(r, 11),
        AcceptedUserId = r.IsDBNull(12) ? null : r.GetGuid(12),
    };

    public static (string Name, object? Value)[] AuditParameters(AuditEvent e) =>
    [
        ("id", e.Id), ("at", Utc(e.Time)), ("actor", e.Actor), ("action", e.Action), ("organization_id", e.OrganizationId),
        ("organization_slug", e.Organization), ("target", e.Target), ("changes_json", e.Changes),
    ];

    public static AuditEvent ReadAudit(NpgsqlDataReader r) => new(r.GetInt64(0), ParseUtc(r.GetString(1)), r.GetString(2), r.GetString(3))
    {
        OrganizationId = r.IsDBNull(4) ? null : r.GetGuid(4),
        Organization = r.IsDBNull(5) ? null : r.GetString(5),
        Target = r.IsDBNull(6) ? null : r.GetString(6),
        Changes = r.GetString(7),
    };

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : ParseUtc(r.GetString(ordinal));

    private static DateTimeOffset ParseUtc(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new InvalidDataException($"'{text}' is not a stored time");

    private static ImmutableArray<string> ReadScopes(string json)
    {
        try
        {
            return [.. JsonSerializer.Deserialize<string[]>(json) ?? []];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("the stored scopes of an API key are not a JSON array of strings", e);
        }
    }
}
