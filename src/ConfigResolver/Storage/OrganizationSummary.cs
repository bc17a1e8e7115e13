using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>What a listing of organizations shows: no configuration document, so listing never parses one.</summary>
/// <param name="Id">The organization's id.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Name">Its display name.</param>
/// <param name="IsSystem">Whether it is the system organization.</param>
/// <param name="Status">Its status.</param>
/// <param name="Plan">Its plan.</param>
/// <param name="MemberCount">How many memberships it has.</param>
public sealed record OrganizationSummary(Guid Id, string Slug, string Name, bool IsSystem, OrganizationStatus Status, string Plan, int MemberCount);
