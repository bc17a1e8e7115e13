namespace ConfigResolver.Import;

/// <summary>A row of LAMB's <c>Creator_users</c>.</summary>
/// <param name="Id">LAMB's id.</param>
/// <param name="Email">The email (<c>user_email</c>), or null.</param>
/// <param name="Name">The name (<c>user_name</c>), or null.</param>
/// <param name="OrganizationId">The organization the user belongs to (<c>organization_id</c>), or null.</param>
public sealed record LambUserRow(long Id, string? Email, string? Name, long? OrganizationId);
