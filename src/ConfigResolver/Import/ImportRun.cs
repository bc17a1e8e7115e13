using System.Collections.Immutable;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Import;

/// <summary>The state of one import: each LAMB row, what the import plans for it, and the outcome so far.</summary>
internal sealed class ImportRun(LambExport export, bool dryRun)
{
    public LambExport Export { get; } = export;

    public bool DryRun { get; } = dryRun;

    public Dictionary<long, PlannedOrganization> Organizations { get; } = [];

    public Dictionary<long, PlannedUser> Users { get; } = [];

    public List<PlannedMembership> Memberships { get; } = [];

    /// <summary>The store's system organization.</summary>
    public Organization System { get; set; } = null!;
}

/// <summary>A LAMB organization and what becomes of it.</summary>
internal sealed class PlannedOrganization(LambOrganizationRow row, string slug, bool isSystem)
{
    public LambOrganizationRow Row { get; } = row;

    /// <summary>The slug in the store: LAMB's, or the store's system slug for LAMB's system organization.</summary>
    public string Slug { get; } = slug;

    public bool IsSystem { get; } = isSystem;

    public OrganizationStatus Status { get; set; }

    public string Name { get; set; } = slug;

    public OrgConfigDocument? Document { get; set; }

    public string ConfigJson { get; set; } = OrgConfigDocument.Empty.RevealJson();

    public LambImportResult Result { get; set; } = Pending("organization", row.Slug ?? $"LAMB organization {row.Id}") with { LambId = row.Id, Organization = slug };

    public static LambImportResult Pending(string kind, string subject) => new(kind, subject, LambImportOutcome.Imported, null, []);
}

/// <summary>A LAMB user and what becomes of them.</summary>
internal sealed class PlannedUser(LambUserRow row)
{
    public LambUserRow Row { get; } = row;

    public string? Email { get; set; }

    public string? Name { get; set; }

    public LambImportResult Result { get; set; } = PlannedOrganization.Pending("user", row.Email ?? $"LAMB user {row.Id}") with { LambId = row.Id, Email = row.Email };
}

/// <summary>A user's role in an organization and what becomes of it.</summary>
internal sealed class PlannedMembership(PlannedOrganization? organization, PlannedUser? user, string subject)
{
    public PlannedOrganization? Organization { get; } = organization;

    public PlannedUser? User { get; } = user;

    public MembershipRole Role { get; set; } = MembershipRole.Member;

    public LambImportResult Result { get; set; } = PlannedOrganization.Pending("membership", subject);
}

/// <summary>Small helpers to set an outcome.</summary>
internal static class ResultExtensions
{
    public static LambImportResult Skip(this LambImportResult result, string reason) =>
        result with { Outcome = LambImportOutcome.Skipped, Reason = reason };

    public static LambImportResult Reject(this LambImportResult result, string reason, ImmutableArray<Diagnostic> diagnostics) =>
        result with { Outcome = LambImportOutcome.Rejected, Reason = reason, Diagnostics = diagnostics };
}
