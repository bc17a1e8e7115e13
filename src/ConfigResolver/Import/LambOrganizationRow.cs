namespace ConfigResolver.Import;

/// <summary>A row of LAMB's <c>LAMB_organizations</c>.</summary>
/// <param name="Id">LAMB's id.</param>
/// <param name="Slug">The slug.</param>
/// <param name="Name">The display name.</param>
/// <param name="IsSystem">Whether this is LAMB's system organization (<c>lamb</c>), which becomes ours.</param>
/// <param name="Status">LAMB's status (<c>active</c>, <c>suspended</c>, <c>trial</c>).</param>
/// <param name="Config">The configuration document (JSON text), or null; <see cref="ConfigBytes"/> when it was too large to read.</param>
/// <param name="ConfigBytes">The document's size in bytes as stored.</param>
public sealed record LambOrganizationRow(long Id, string? Slug, string? Name, bool IsSystem, string? Status, string? Config, long ConfigBytes);
