using ConfigResolver.Configuration;

namespace ConfigResolver.Access;

/// <summary>A key just created or rotated, with its secret: the only moment the secret exists outside the caller's hands.</summary>
/// <param name="Key">The stored key (only the hash of its secret).</param>
/// <param name="Secret">The full key text <c>cfgr_&lt;prefix&gt;_&lt;secret&gt;</c>; every rendering of it is redacted until revealed.</param>
public sealed record CreatedApiKey(ApiKey Key, Secret Secret);
