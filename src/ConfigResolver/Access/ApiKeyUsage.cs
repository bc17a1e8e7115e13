namespace ConfigResolver.Access;

/// <summary>When a key was last used, as one entry of a batch an authenticator flushes.</summary>
/// <param name="KeyId">The key.</param>
/// <param name="LastUsedAt">The latest use seen; stores keep the later of this and what they hold.</param>
public sealed record ApiKeyUsage(Guid KeyId, DateTimeOffset LastUsedAt);
