using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// Column lists, parameters and row readers: the one place that knows how an entity maps to a row.
/// Ids are lowercase GUID text; times are ISO 8601 round-trip text; enums use their wire names (<see cref="TenancyNames"/>).
/// </summary>
internal static class SqliteRows
{
    public const string OrganizationColumns =
        "o.id, o.slug, o.name, o.is_system, o.status, o.plan, o.config_json, o.metadata_json, o.created_at, o.updated_at";

    public const string UserColumns = "u.id, u.email, u.name, u.default_organization_id, u.created_at, u.updated_at";

    public static string Id(Guid id) => id.ToString("D");

    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static object OrNull(string? value) => value is null ? DBNull.Value : value;

    /// <summary>Binds every organization column as <c>$id</c>, <c>$slug</c>, ... for an insert or update.</summary>
    public static void BindOrganization(SqliteCommand command, Organization organization)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", Id(organization.Id));
        p.AddWithValue("$slug", organization.Slug);
        p.AddWithValue("$name", organization.Name);
        p.AddWithValue("$is_system", organization.IsSystem ? 1 : 0);
        p.AddWithValue("$status", TenancyNames.ToName(organization.Status));
        p.AddWithValue("$plan", organization.Plan);
        p.AddWithValue("$config_json", organization.Config.RevealJson());
        p.AddWithValue("$signup_key_hash", OrNull(organization.SignupKeyHash?.Hex));
        p.AddWithValue("$metadata_json", JsonSerializer.Serialize(organization.Metadata));
        p.AddWithValue("$created_at", Time(organization.CreatedAt));
        p.AddWithValue("$updated_at", Time(organization.UpdatedAt));
    }

    /// <summary>Binds every user column as <c>$id</c>, <c>$email</c>, ... for an insert or update.</summary>
    public static void BindUser(SqliteCommand command, User user)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", Id(user.Id));
        p.AddWithValue("$email", user.Email);
        p.AddWithValue("$email_normalized", TenancyRules.NormalizeEmail(user.Email));
        p.AddWithValue("$name", OrNull(user.Name));
        p.AddWithValue("$default_organization_id", OrNull(user.DefaultOrganizationId is { } id ? Id(id) : null));
        p.AddWithValue("$created_at", Time(user.CreatedAt));
        p.AddWithValue("$updated_at", Time(user.UpdatedAt));
    }

    /// <summary>Reads an organization selected with <see cref="OrganizationColumns"/> starting at column 0.</summary>
    /// <exception cref="InvalidDataException">A column holds a value this code cannot have written.</exception>
    public static Organization ReadOrganization(SqliteDataReader reader)
    {
        var slug = reader.GetString(1);
        OrgConfigDocument config;
        try
        {
            config = OrgConfigDocument.FromStoredJson(reader.GetString(6));
        }
        catch (TenantValidationException e)
        {
            throw new InvalidDataException($"the stored configuration of org '{slug}' is not a JSON object", e);
        }

        return new Organization
        {
            Id = ParseId(reader.GetString(0)),
            Slug = slug,
            Name = reader.GetString(2),
            IsSystem = reader.GetInt64(3) == 1,
            Status = TenancyNames.TryParseStatus(reader.GetString(4), out var status)
                ? status
                : throw new InvalidDataException($"org '{slug}' has the unknown status '{reader.GetString(4)}'"),
            Plan = reader.GetString(5),
            Config = config,
            Metadata = ReadMetadata(reader.GetString(7), slug),
            CreatedAt = ParseTime(reader.GetString(8)),
            UpdatedAt = ParseTime(reader.GetString(9)),
        };
    }

    /// <summary>Reads an <see cref="OrganizationSummary"/>: id, slug, name, is_system, status, plan, member count.</summary>
    /// <exception cref="InvalidDataException">A column holds a value this code cannot have written.</exception>
    public static OrganizationSummary ReadOrganizationSummary(SqliteDataReader reader)
    {
        var slug = reader.GetString(1);
        var status = TenancyNames.TryParseStatus(reader.GetString(4), out var parsed)
            ? parsed
            : throw new InvalidDataException($"org '{slug}' has the unknown status '{reader.GetString(4)}'");
        return new OrganizationSummary(ParseId(reader.GetString(0)), slug, reader.GetString(2), reader.GetInt64(3) == 1, status, reader.GetString(5), (int)reader.GetInt64(6));
    }

    /// <summary>Reads a user selected with <see cref="UserColumns"/> starting at column 0.</summary>
    public static User ReadUser(SqliteDataReader reader) => new()
    {
        Id = ParseId(reader.GetString(0)),
        Email = reader.GetString(1),
        Name = reader.IsDBNull(2) ? null : reader.GetString(2),
        DefaultOrganizationId = reader.IsDBNull(3) ? null : ParseId(reader.GetString(3)),
        CreatedAt = ParseTime(reader.GetString(4)),
        UpdatedAt = ParseTime(reader.GetString(5)),
    };

    /// <summary>Reads a membership selected as <c>organization_id, user_id, role</c>.</summary>
    public static Membership ReadMembership(SqliteDataReader reader) => new(
        ParseId(reader.GetString(0)),
        ParseId(reader.GetString(1)),
        TenancyNames.TryParseRole(reader.GetString(2), out var role)
            ? role
            : throw new InvalidDataException($"a membership has the unknown role '{reader.GetString(2)}'"));

    public static Guid ParseId(string text) =>
        Guid.TryParseExact(text, "D", out var id) ? id : throw new InvalidDataException($"'{text}' is not a stored id");

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new InvalidDataException($"'{text}' is not a stored time");

    private static ImmutableSortedDictionary<string, string> ReadMetadata(string json, string slug)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, values);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the stored metadata of org '{slug}' is not a JSON object of strings", e);
        }
    }
}
