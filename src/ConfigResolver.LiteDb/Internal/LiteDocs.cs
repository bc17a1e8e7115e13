using System.Collections.Immutable;
using System.Globalization;
using JsonSerializer = System.Text.Json.JsonSerializer;
using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using LiteDB;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>
/// How entities map to documents: the one place that knows field names. Ids are GUIDs; times are ISO 8601 round-trip
/// text; enums use their wire names; the configuration is kept as the validated JSON text.
/// </summary>
internal static class LiteDocs
{
    public const string Organizations = "organizations";
    public const string Users = "users";
    public const string Memberships = "memberships";
    public const string ChangeLog = "change_log";
    public const string Head = "change_log_head";

    public static BsonDocument FromOrganization(Organization o) => new()
    {
        ["_id"] = o.Id,
        ["slug"] = o.Slug,
        ["name"] = o.Name,
        ["is_system"] = o.IsSystem,
        ["status"] = TenancyNames.ToName(o.Status),
        ["plan"] = o.Plan,
        ["config_json"] = o.Config.RevealJson(),
        ["signup_key_hash"] = o.SignupKeyHash?.Hex is { } hash ? new BsonValue(hash) : BsonValue.Null,
        ["metadata_json"] = JsonSerializer.Serialize(o.Metadata),
        ["created_at"] = Time(o.CreatedAt),
        ["updated_at"] = Time(o.UpdatedAt),
    };

    /// <exception cref="InvalidDataException">A field holds a value this code cannot have written.</exception>
    /// <summary>The listing fields of a stored organization; its configuration text is not parsed.</summary>
    /// <exception cref="InvalidDataException">The status is not one this code writes.</exception>
    public static OrganizationSummary ToSummary(BsonDocument d, int memberCount)
    {
        var slug = d["slug"].AsString;
        var status = TenancyNames.TryParseStatus(d["status"].AsString, out var parsed) ? parsed : throw new InvalidDataException($"org '{slug}' has the unknown status '{d["status"].AsString}'");
        return new OrganizationSummary(d["_id"].AsGuid, slug, d["name"].AsString, d["is_system"].AsBoolean, status, d["plan"].AsString, memberCount);
    }

    public static Organization ToOrganization(BsonDocument d)
    {
        var slug = d["slug"].AsString;
        OrgConfigDocument config;
        try
        {
            config = OrgConfigDocument.FromStoredJson(d["config_json"].AsString);
        }
        catch (TenantValidationException e)
        {
            throw new InvalidDataException($"the stored configuration of org '{slug}' is not a JSON object", e);
        }

        return new Organization
        {
            Id = d["_id"].AsGuid,
            Slug = slug,
            Name = d["name"].AsString,
            IsSystem = d["is_system"].AsBoolean,
            Status = TenancyNames.TryParseStatus(d["status"].AsString, out var status) ? status : throw new InvalidDataException($"org '{slug}' has the unknown status '{d["status"].AsString}'"),
            Plan = d["plan"].AsString,
            Config = config,
            Metadata = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, JsonSerializer.Deserialize<Dictionary<string, string>>(d["metadata_json"].AsString) ?? []),
            CreatedAt = ParseTime(d["created_at"].AsString),
            UpdatedAt = ParseTime(d["updated_at"].AsString),
        };
    }

    public static BsonDocument FromUser(User u) => new()
    {
        ["_id"] = u.Id,
        ["email"] = u.Email,
        ["email_normalized"] = TenancyRules.NormalizeEmail(u.Email),
        ["name"] = u.Name is null ? BsonValue.Null : new BsonValue(u.Name),
        ["default_organization_id"] = u.DefaultOrganizationId is { } id ? new BsonValue(id) : BsonValue.Null,
        ["created_at"] = Time(u.CreatedAt),
        ["updated_at"] = Time(u.UpdatedAt),
    };

    public static User ToUser(BsonDocument d) => new()
    {
        Id = d["_id"].AsGuid,
        Email = d["email"].AsString,
        Name = d["name"].IsNull ? null : d["name"].AsString,
        DefaultOrganizationId = d["default_organization_id"].IsNull ? null : d["default_organization_id"].AsGuid,
        CreatedAt = ParseTime(d["created_at"].AsString),
        UpdatedAt = ParseTime(d["updated_at"].AsString),
    };

    public static string MembershipId(Guid organizationId, Guid userId) => organizationId.ToString("N") + ":" + userId.ToString("N");

    public static BsonDocument FromMembership(Membership m) => new()
    {
        ["_id"] = MembershipId(m.OrganizationId, m.UserId),
        ["organization_id"] = m.OrganizationId,
        ["user_id"] = m.UserId,
        ["role"] = TenancyNames.ToName(m.Role),
    };

    public static Membership ToMembership(BsonDocument d) => new(
        d["organization_id"].AsGuid,
        d["user_id"].AsGuid,
        TenancyNames.TryParseRole(d["role"].AsString, out var role) ? role : throw new InvalidDataException($"a membership has the unknown role '{d["role"].AsString}'"));

    public static BsonDocument FromEntry(ChangeLogEntry e) => new()
    {
        ["_id"] = e.Revision,
        ["kind"] = ChangeLogKinds.ToName(e.Kind),
        ["organization_id"] = e.OrganizationId is { } org ? new BsonValue(org) : BsonValue.Null,
        ["organization_slug"] = e.OrganizationSlug is null ? BsonValue.Null : new BsonValue(e.OrganizationSlug),
        ["user_id"] = e.UserId is { } user ? new BsonValue(user) : BsonValue.Null,
        ["affected_user_ids"] = new BsonArray(e.AffectedUserIds.Select(static id => new BsonValue(id))),
        ["at"] = e.Time.ToUnixTimeMilliseconds(),
        ["entity_id"] = e.EntityId is { } entity ? new BsonValue(entity) : BsonValue.Null,
    };

    public static ChangeLogEntry ToEntry(BsonDocument d) =>
        new(d["_id"].AsInt64, ChangeLogKinds.Parse(d["kind"].AsString), DateTimeOffset.FromUnixTimeMilliseconds(d["at"].AsInt64))
        {
            OrganizationId = d["organization_id"].IsNull ? null : d["organization_id"].AsGuid,
            OrganizationSlug = d["organization_slug"].IsNull ? null : d["organization_slug"].AsString,
            UserId = d["user_id"].IsNull ? null : d["user_id"].AsGuid,
            EntityId = d.TryGetValue("entity_id", out var entity) && !entity.IsNull ? entity.AsGuid : null,
            AffectedUserIds = [.. d["affected_user_ids"].AsArray.Select(static v => v.AsGuid)],
        };

    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new InvalidDataException($"'{text}' is not a stored time");
}
