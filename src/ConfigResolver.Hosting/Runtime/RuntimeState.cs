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
    DateTimeOffset StartedAt);
