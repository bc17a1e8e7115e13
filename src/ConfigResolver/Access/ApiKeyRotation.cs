namespace ConfigResolver.Access;

/// <summary>A new secret for a key; the old one keeps working until <see cref="PreviousValidUntil"/> (or stops at once).</summary>
/// <param name="OrganizationId">The key's organization (a key is never reached through another one).</param>
/// <param name="KeyId">The key.</param>
/// <param name="SecretHash">The hash of the new secret.</param>
/// <param name="At">When the rotation happens.</param>
public sealed record ApiKeyRotation(Guid OrganizationId, Guid KeyId, string SecretHash, DateTimeOffset At)
{
    /// <summary>Gets until when the old secret is still accepted (exclusive), or null to refuse it at once.</summary>
    public DateTimeOffset? PreviousValidUntil { get; init; }
}
