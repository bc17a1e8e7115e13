using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ConfigResolver.Authorization.Loading;

/// <summary>One role as declared in a roles file.</summary>
internal sealed record RoleDeclaration(Located Name, ImmutableArray<Located> Inherits, ImmutableArray<Located> Scopes, string? Description);

/// <summary>A parsed and schema-checked <c>kind: Roles</c> file.</summary>
internal sealed record RolesDocument(string File, ImmutableArray<Located> Scopes, ImmutableArray<RoleDeclaration> Roles, Located? PlatformAdminRole)
{
    /// <summary>Where the <c>roles</c> mapping is, for problems about the set of roles as a whole.</summary>
    public Located RolesAt { get; init; } = new("roles", File, 1, 1, "/roles");
}

/// <summary>One rule as declared in a rule package; <see cref="When"/> and <see cref="Reason"/> are located at their text.</summary>
internal sealed record RuleDeclaration(
    Located Name, bool IsDeny, ImmutableArray<Located> Actions, ImmutableArray<Located> Resources, ImmutableArray<Located> When, Located? Reason, string? Description);

/// <summary>A parsed and schema-checked <c>kind: Rules</c> file; <see cref="OverlayOrganization"/> is set for files under <c>orgs/&lt;slug&gt;/</c>.</summary>
internal sealed record RulesDocument(
    string File, Located Package, Located Default, ImmutableArray<Located> OverridableActions, ImmutableArray<RuleDeclaration> Rules, string? OverlayOrganization)
{
    public bool DefaultAllows => Default.Value == "allow";
}

/// <summary>An organization in a test's fixtures.</summary>
internal sealed record OrgFixture(Located Slug, string Status, string Plan, bool IsSystem, JsonObject? Config);

/// <summary>A membership in a test's fixtures.</summary>
internal sealed record MembershipFixture(Located User, Located Org, string Role);

/// <summary>An API key in a test's fixtures.</summary>
internal sealed record ApiKeyFixture(Located Name, Located Org, Located? User, ImmutableArray<Located> Scopes);

/// <summary>One test case.</summary>
internal sealed record TestCaseDeclaration(
    Located Name, Located? User, Located? ApiKey, Located Org, string Action, string? Resource, string? Time, string? ClientIp, JsonObject? ResourceAttributes,
    bool ExpectAllow, string? Reason);

/// <summary>A parsed and schema-checked <c>kind: PolicyTest</c> file.</summary>
internal sealed record PolicyTestDocument(
    string File, string Name, ImmutableArray<OrgFixture> Orgs, ImmutableArray<Located> Users, ImmutableDictionary<string, string?> Emails,
    ImmutableArray<MembershipFixture> Memberships, ImmutableArray<ApiKeyFixture> ApiKeys, ImmutableArray<TestCaseDeclaration> Cases);
