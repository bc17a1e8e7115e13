using System.Collections.Immutable;
using ConfigResolver.Configuration;

namespace ConfigResolver.Access;

/// <summary>A short-lived access token just issued from an API key.</summary>
/// <param name="Token">The token text (<c>cfgrt_&lt;kid&gt;.&lt;payload&gt;.&lt;signature&gt;</c>); redacted until revealed.</param>
/// <param name="KeyId">The API key it was issued from.</param>
/// <param name="Scopes">Its scopes (a subset of the key's).</param>
/// <param name="ExpiresAt">When it stops working: the requested lifetime, or the key's own expiry if sooner.</param>
public sealed record IssuedToken(Secret Token, Guid KeyId, ImmutableArray<string> Scopes, DateTimeOffset ExpiresAt);
