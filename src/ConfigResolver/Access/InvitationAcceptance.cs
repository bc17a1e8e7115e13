namespace ConfigResolver.Access;

/// <summary>What a store needs to accept an invitation in one transaction.</summary>
/// <param name="TokenHash">The SHA-256 hash (hex) of the token presented.</param>
/// <param name="Email">The accepting user's email; it must match the invitation's.</param>
/// <param name="At">When the invitation is accepted (its expiry is checked against it).</param>
/// <param name="NewUserId">The id a user created for this email gets, when no user has it.</param>
public sealed record InvitationAcceptance(string TokenHash, string Email, DateTimeOffset At, Guid NewUserId)
{
    /// <summary>Gets the display name a created user gets, if any.</summary>
    public string? Name { get; init; }
}
