using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

/// <summary>
/// An invitation to join one organization with a role. Its token is returned once when it is created or resent and
/// only its hash is stored; accepting it (with a user whose email matches) makes that user a member.
/// </summary>
/// <remarks>Immutable; change it through a store's invitation writer.</remarks>
public sealed record Invitation
{
    /// <summary>Gets the identifier; never reused.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the organization.</summary>
    public required Guid OrganizationId { get; init; }

    /// <summary>Gets that organization's slug.</summary>
    public required string OrganizationSlug { get; init; }

    /// <summary>Gets the invited email, as typed; accepted by a user with the same email compared case-insensitively.</summary>
    public required string Email { get; init; }

    /// <summary>Gets the role the invited user gets.</summary>
    public required MembershipRole Role { get; init; }

    /// <summary>Gets the SHA-256 hash (64 lowercase hex) of the current token.</summary>
    public required string TokenHash { get; init; }

    /// <summary>Gets the inviter's message, if any.</summary>
    public string? Message { get; init; }

    /// <summary>Gets who invited (<c>user:&lt;email&gt;</c>, <c>cli</c>, ...).</summary>
    public string InvitedBy { get; init; } = "system";

    /// <summary>Gets when it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the current token stops working (exclusive).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets the status.</summary>
    public InvitationStatus Status { get; init; }

    /// <summary>Gets when it was accepted or cancelled, or null while pending.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Gets the user who accepted it, or null.</summary>
    public Guid? AcceptedUserId { get; init; }

    /// <summary>Whether it can still be accepted at an instant: pending and not expired.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>True when it is open.</returns>
    public bool IsOpenAt(DateTimeOffset now) => Status == InvitationStatus.Pending && now < ExpiresAt;
}
