using System.Collections.Immutable;

namespace ConfigResolver.Access;

/// <summary>
/// A stored API key: its identity, scopes and lifecycle, and only a hash of its secret. The secret itself
/// (<c>cfgr_&lt;prefix&gt;_&lt;secret&gt;</c>) is shown once when the key is created or rotated and never stored.
/// </summary>
/// <remarks>
/// Immutable; change it through a store's key writer. Equality compares every field, <see cref="Scopes"/> by content.
/// A key belongs to one organization for its whole life; <see cref="OrganizationSlug"/> is kept with it (slugs never
/// change) so authentication reads one row.
/// </remarks>
public sealed record ApiKey
{
    /// <summary>Gets the identifier; never reused.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the organization the key belongs to.</summary>
    public required Guid OrganizationId { get; init; }

    /// <summary>Gets that organization's slug.</summary>
    public required string OrganizationSlug { get; init; }

    /// <summary>Gets the display name the creator gave it.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the public prefix (unique, indexed), the part between <c>cfgr_</c> and the second underscore.</summary>
    public required string Prefix { get; init; }

    /// <summary>Gets the hash of the current secret (64 lowercase hex: SHA-256, or HMAC-SHA256 with a deployment pepper).</summary>
    public required string SecretHash { get; init; }

    /// <summary>Gets the hash of the secret replaced by the last rotation, while it keeps working; null otherwise.</summary>
    public string? PreviousSecretHash { get; init; }

    /// <summary>Gets until when <see cref="PreviousSecretHash"/> is accepted (exclusive); null when there is none.</summary>
    public DateTimeOffset? PreviousSecretValidUntil { get; init; }

    /// <summary>Gets the scope patterns (<c>agents:read</c>, <c>agents:*</c>), a ceiling on what the key may do.</summary>
    public ImmutableArray<string> Scopes { get; init; } = [];

    /// <summary>Gets the user the key acts for, or null for a service key limited to its scopes.</summary>
    public Guid? ActAsUserId { get; init; }

    /// <summary>
    /// Gets the team of its organization the key is bound to (rules read it as <c>team.*</c>; routing and usage default to
    /// it), or null for none. The team must exist when the key is created.
    /// </summary>
    public string? Team { get; init; }

    /// <summary>Gets who created it (<c>user:&lt;email&gt;</c>, <c>cli</c>, ...).</summary>
    public string CreatedBy { get; init; } = "system";

    /// <summary>Gets when it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it stops working (exclusive), or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when it was last rotated, or null.</summary>
    public DateTimeOffset? RotatedAt { get; init; }

    /// <summary>Gets when it was revoked, or null while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Gets when it was last used, as last flushed by an authenticator (recorded in batches, so it may lag).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Gets whether the key was revoked.</summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Whether the key has expired at an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>True from <see cref="ExpiresAt"/> on.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;

    /// <inheritdoc/>
    public bool Equals(ApiKey? other) =>
        other is not null
        && Id == other.Id
        && OrganizationId == other.OrganizationId
        && OrganizationSlug == other.OrganizationSlug
        && Name == other.Name
        && Prefix == other.Prefix
        && SecretHash == other.SecretHash
        && PreviousSecretHash == other.PreviousSecretHash
        && PreviousSecretValidUntil == other.PreviousSecretValidUntil
        && Scopes.SequenceEqual(other.Scopes)
        && ActAsUserId == other.ActAsUserId
        && CreatedBy == other.CreatedBy
        && CreatedAt == other.CreatedAt
        && ExpiresAt == other.ExpiresAt
        && RotatedAt == other.RotatedAt
        && RevokedAt == other.RevokedAt
        && LastUsedAt == other.LastUsedAt;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, SecretHash, RevokedAt);
}
