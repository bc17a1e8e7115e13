using System.Collections.Immutable;

namespace ConfigResolver.Import;

/// <summary>
/// What an import reads from a LAMB database: the rows of <c>LAMB_organizations</c>, <c>Creator_users</c> and
/// <c>organization_roles</c>, as LAMB stored them (nothing checked yet). <c>ConfigResolver.Sqlite.LambDatabase</c> reads
/// them from a LAMB SQLite file; tests may build one directly.
/// </summary>
/// <param name="Organizations">The organizations, in id order.</param>
/// <param name="Users">The users, in id order.</param>
/// <param name="Roles">The roles of users in organizations.</param>
public sealed record LambExport(
    ImmutableArray<LambOrganizationRow> Organizations,
    ImmutableArray<LambUserRow> Users,
    ImmutableArray<LambRoleRow> Roles);
