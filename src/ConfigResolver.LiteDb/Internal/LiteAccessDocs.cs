using System.Globalization;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;
using LiteDB;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>How API keys, invitations and audit events map to documents. Times are UTC ISO 8601 round-trip text.</summary>
internal static class LiteAccessDocs
{
    public const string ApiKeys = "api_keys";
    public const string Invitations = "invitations";
    public const string Audit = "audit_log";

    public static BsonDocument FromKey(ApiKey k) => new()
    {
        ["_id"] = k.Id,
        ["organization_id"] = k.OrganizationId,
        ["organization_slug"] = k.OrganizationSlug,
        ["name"] = k.Name,
        ["prefix"] = k.Prefix,
        ["secret_hash"] = k.SecretHash,
        ["previous_secret_hash"] = Text(k.PreviousSecretHash),
        ["previous_secret_valid_until"] = Time(k.PreviousSecretValidUntil),
        ["scopes"] = new BsonArray(k.Scopes.Select(static s => new BsonValue(s))),
        ["act_as_user_id"] = k.ActAsUserId is { } user ? new BsonValue(user) : BsonValue.Null,
        ["team"] = k.Team is { } team ? new BsonValue(team) : BsonValue.Null,
        ["created_by"] = k.CreatedBy,
        ["created_at"] = Time(k.CreatedAt),
        ["expires_at"] = Time(k.ExpiresAt),
        ["rotated_at"] = Time(k.RotatedAt),
        ["revoked_at"] = Time(k.RevokedAt),
        ["last_used_at"] = Time(k.LastUsedAt),
    };

    public static ApiKey ToKey(BsonDocument d) => new()
    {
        Id = d["_id"].AsGuid,
        OrganizationId = d["organization_id"].AsGuid,
        OrganizationSlug = d["organization_slug"].AsString,
        Name = d["name"].AsString,
        Prefix = d["prefix"].AsString,
        SecretHash = d["secret_hash"].AsString,
        PreviousSecretHash = d["previous_secret_hash"].IsNull ? null : d["previous_secret_hash"].AsString,
        PreviousSecretValidUntil = OptionalTime(d["previous_secret_valid_until"]),
        Scopes = [.. d["scopes"].AsArray.Select(static v => v.AsString)],
        ActAsUserId = d["act_as_user_id"].IsNull ? null : d["act_as_user_id"].AsGuid,
        CreatedBy = d["created_by"].AsString,
        CreatedAt = ParseTime(d["created_at"].AsString),
        ExpiresAt = OptionalTime(d["expires_at"]),
        RotatedAt = OptionalTime(d["rotated_at"]),
        RevokedAt = OptionalTime(d["revoked_at"]),
        LastUsedAt = OptionalTime(d["last_used_at"]),
        Team = d["team"].IsNull ? null : d["team"].AsString,
    };

    public static BsonDocument FromInvitation(Invitation i) => new()
    {
        ["_id"] = i.Id,
        ["organization_id"] = i.OrganizationId,
        ["organization_slug"] = i.OrganizationSlug,
        ["email"] = i.Email,
        ["role"] = TenancyNames.ToName(i.Role),
        ["token_hash"] = i.TokenHash,
        ["message"] = Text(i.Message),
        ["invited_by"] = i.InvitedBy,
        ["created_at"] = Time(i.CreatedAt),
        ["expires_at"] = Time(i.ExpiresAt),
        ["status"] = TenancyNames.ToName(i.Status),
        ["closed_at"] = Time(i.ClosedAt),
        ["accepted_user_id"] = i.AcceptedUserId is { } user ? new BsonValue(user) : BsonValue.Null,
    };

    public static Invitation ToInvitation(BsonDocument d) => new()
    {
        Id = d["_id"].AsGuid,
        OrganizationId = d["organization_id"].AsGuid,
        OrganizationSlug = d["organization_slug"].AsString,
        Email = d["email"].AsString,
        Role = TenancyNames.TryParseRole(d["role"].AsString, out var role) ? role : throw new InvalidDataException($"an invitation has the unknown role '{d["role"].AsString}'"),
        TokenHash = d["token_hash"].AsString,
        Message = d["message"].IsNull ? null : d["message"].AsString,
        InvitedBy = d["invited_by"].AsString,
        CreatedAt = ParseTime(d["created_at"].AsString),
        ExpiresAt = ParseTime(d["expires_at"].AsString),
        Status = TenancyNames.ParseInvitationStatus(d["status"].AsString),
        ClosedAt = OptionalTime(d["closed_at"]),
        AcceptedUserId = d["accepted_user_id"].IsNull ? null : d["accepted_user_id"].AsGuid,
    };

    public static BsonDocument FromAudit(AuditEvent e) => new()
    {
        ["_id"] = e.Id,
        ["at"] = Time(e.Time),
        ["actor"] = e.Actor,
        ["action"] = e.Action,
        ["organization_id"] = e.OrganizationId is { } org ? new BsonValue(org) : BsonValue.Null,
        ["organization_slug"] = Text(e.Organization),
        ["target"] = Text(e.Target),
        ["changes_json"] = e.Changes,
    };

    public static AuditEvent ToAudit(BsonDocument d) => new(d["_id"].AsInt64, ParseTime(d["at"].AsString), d["actor"].AsString, d["action"].AsString)
    {
        OrganizationId = d["organization_id"].IsNull ? null : d["organization_id"].AsGuid,
        Organization = d["organization_slug"].IsNull ? null : d["organization_slug"].AsString,
        Target = d["target"].IsNull ? null : d["target"].AsString,
        Changes = d["changes_json"].AsString,
    };

    public static string Utc(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static BsonValue Text(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    private static BsonValue Time(DateTimeOffset? time) => time is { } t ? new BsonValue(Utc(t)) : BsonValue.Null;

    private static DateTimeOffset? OptionalTime(BsonValue value) => value.IsNull ? null : ParseTime(value.AsString);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new InvalidDataException($"'{text}' is not a stored time");
}
