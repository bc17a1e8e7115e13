using ConfigResolver.Tenancy;

namespace ConfigResolver.Commerce;

/// <summary>What a store read inside a write's transaction, for <see cref="CommerceRules"/>.</summary>
/// <param name="Organization">The organization.</param>
/// <param name="State">Its plan, teams and model groups.</param>
/// <param name="Counts">Its members, pending invitations and API keys.</param>
/// <param name="SubjectIsMember">Whether the command's user (<see cref="CommerceCommand.UserId"/>) is a member of the organization.</param>
/// <param name="Now">The store's clock.</param>
public sealed record CommerceInputs(Organization Organization, CommerceState State, CommerceCounts Counts, bool SubjectIsMember, DateTimeOffset Now);
