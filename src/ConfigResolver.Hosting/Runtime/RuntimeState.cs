using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Hosting;

/// <summary>Everything a started host holds, published at once.</summary>
internal sealed record RuntimeState(
    ITenantStore Store,
    IAsyncDisposable StoreOwner,
    TenantAdministration Administration,
    TenantConfigResolver Resolver,
    AuthorizationService? Authorization,
    string StoreDisplay,
    DateTimeOffset StartedAt)
{
    /// <summary>Gets the API key authenticator over the store (follows its change feed: a revoked key is refused from the next request).</summary>
    public ApiKeyAuthenticator? ApiKeys { get; init; }
}
