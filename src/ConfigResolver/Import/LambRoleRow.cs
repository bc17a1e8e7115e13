namespace ConfigResolver.Import;

/// <summary>A row of LAMB's <c>organization_roles</c>.</summary>
/// <param name="OrganizationId">LAMB's organization id.</param>
/// <param name="UserId">LAMB's user id.</param>
/// <param name="Role">The role: <c>owner</c>, <c>admin</c> or <c>member</c> in LAMB.</param>
public sealed record LambRoleRow(long OrganizationId, long UserId, string? Role);
