using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Commerce;

/// <summary>What a store writes for an accepted <see cref="CommerceCommand"/>: the next state, the organization if its plan changed, the changes to publish and the audit entry.</summary>
/// <param name="State">The organization's next state.</param>
/// <param name="UpdatedOrganization">The organization with its new plan name and update time, or null when the organization row is unchanged.</param>
/// <param name="Changes">The changes to publish (the first names the change-log row's kind).</param>
/// <param name="Audit">The audit entry.</param>
public sealed record CommerceOutcome(CommerceState State, Organization? UpdatedOrganization, ImmutableArray<TenantChange> Changes, AuditEntry Audit);
