namespace ConfigResolver.Access;

/// <summary>A user or an API key that may perform an action, and why.</summary>
/// <param name="Kind"><c>user</c> or <c>apikey</c>.</param>
/// <param name="Email">The user's email, for a user (or the user an API key acts for).</param>
/// <param name="KeyId">The key's id, for an API key.</param>
/// <param name="Why">The role, scope or rule that allows it.</param>
public sealed record PrincipalGrant(string Kind, string? Email, Guid? KeyId, string Why);
