using ConfigResolver.Resolution;

namespace ConfigResolver.Hosting;

/// <summary><see cref="ITenantConfigResolver"/> over the started host's resolver.</summary>
internal sealed class RuntimeTenantConfigResolver(ConfigResolverRuntime runtime) : ITenantConfigResolver
{
    public ValueTask<TenantConfig> ResolveAsync(string organizationSlug, string? setup = null, CancellationToken cancellationToken = default) =>
        runtime.State.Resolver.ResolveAsync(organizationSlug, setup, cancellationToken);

    public ValueTask<TenantConfig> ResolveForUserAsync(Guid userId, string? setup = null, CancellationToken cancellationToken = default) =>
        runtime.State.Resolver.ResolveForUserAsync(userId, setup, cancellationToken);
}
