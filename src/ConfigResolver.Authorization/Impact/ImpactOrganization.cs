using System.Collections.Immutable;

namespace ConfigResolver.Authorization.Impact;

/// <summary>One organization of an impact population and the principals whose decisions are compared in it.</summary>
/// <param name="Slug">The organization's slug.</param>
/// <param name="Principals">Its members (and the platform administrators, who act as admins there) by email, then its live API keys by id.</param>
public sealed record ImpactOrganization(string Slug, ImmutableArray<ImpactPrincipal> Principals);
