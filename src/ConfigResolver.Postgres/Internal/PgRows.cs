using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ConfigResolver.Storage;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>
/// Column lists, parameters and row readers: the one place that knows how an entity maps to a row. Times are ISO 8601
/// round-trip text, enums use their wire names (<see cref="TenancyNames"/>), exactly as in the SQLite store.
/// </summary>
internal static class PgRows
{
    public const string OrganizationColumns =
        "o.id, o.slug, o.name, o.is_system, o.status, o.plan, o.config_json, o.metadata_json, o.created_at, o.updated_at";

    public const string UserColumns = "u.id, u.email, u.name, u.default_organization_id, u.created_at, u.updated_at";

    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static (string Name, object? Value)[] OrganizationParameters(Organization organization) =>
    [
        ("id", organization.Id),
        ("slug", organization.Slug),
        ("name", organization.Name),
        ("is_system", organization.IsSystem),
        ("status", TenancyNames.ToName(organization.Status)),
        ("plan", organization.Plan),
        ("config_json", organization.Config.RevealJson()),
        ("signup_key_hash", organization.SignupKeyHash?.Hex),
        ("metadata_json", JsonSerializer.Serialize(organization.Metadata)),
        ("created_at", Time(organization.CreatedAt)),
        ("updated_at", Time(organization.UpdatedAt)),
    ];

    public static (string Name, object? Value)[] UserParameters(User user) =>
    [
        ("id", user.Id),
        ("email", user.Email),
        ("email_normalized", TenancyRules.NormalizeEmail(user.Email)),
        ("name", user.Name),
        ("default_organization_id", user.DefaultOrganizationId),
        ("created_at", Time(user.CreatedAt)),
        ("updated_at", Time(user.UpdatedAt)),
    ];

    /// <summary>Reads an organization summary: id, slug, name, is_system, status, plan, member count.</summary>
    /// <exception cref="InvalidDataException">The status is not one this code writes.</exception>
    public static OrganizationSummary ReadOrganizationSummary(NpgsqlDataReader reader)
    {
        var slug = reader.GetString(1);
        var status = TenancyNames.TryParseStatus(reader.GetString(4), out var parsed)
            ? parsed
            : throw new InvalidDataException($"org '{slug}' has the unknown status '{reader.GetString(4)}'");
        return new OrganizationSummary(reader.GetGuid(0), slug, reader.GetString(2), reader.GetBoolean(3), status, reader.GetString(5), (int)reader.GetInt64(6));
    }

    /// <summary>Reads an organization selected with <see cref="OrganizationColumns"/> starting at column 0.</summary>
    /// <exception cref="InvalidDataException">A column holds a value this code cannot have written.</exception>
    public static Organization ReadOrganization(NpgsqlDataReader reader)
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
            Id = reader.GetGuid(0),
            Slug = slug,
            Name = reader.GetString(2),
            IsSystem = reader.GetBoolean(3),
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

    /// <summary>Reads a user selected with <see cref="UserColumns"/> starting at column 0.</summary>
    public static User ReadUser(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        Email = reader.GetString(1),
        Name = reader.IsDBNull(2) ? null : reader.GetString(2),
        DefaultOrganizationId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
        CreatedAt = ParseTime(reader.GetString(4)),
        UpdatedAt = ParseTime(reader.GetString(5)),
    };

    /// <summary>Reads a membership selected as <c>organization_id, user_id, role</c>.</summary>
    public static Membership ReadMembership(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        TenancyNames.TryParseRole(reader.GetString(2), out var role)
            ? role
            : throw new InvalidDataException($"a membership has the unknown role '{reader.GetString(2)}'"));

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
