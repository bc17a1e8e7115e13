using ConfigResolver.Routing;
using ConfigResolver.Storage;

namespace ConfigResolver.Resolution;

public sealed partial class TenantConfigResolver
{
    /// <summary>
    /// Resolves which provider, model, base URL and key an organization's completion uses, with its fallbacks (see
    /// <see cref="TenantConfig.RouteCompletion"/>).
    /// </summary>
    /// <param name="organizationSlug">The organization's slug.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="requestedModel">The model the caller asked for, or null.</param>
    /// <param name="requestedProvider">The provider the caller asked for, or null.</param>
    /// <param name="cancellationToken">Cancels a store read on a cache miss.</param>
    /// <returns>The route; completed synchronously, without allocating, when the snapshot and the route are cached.</returns>
    /// <exception cref="CompletionRouteException">No provider and model qualifies (CFG1050).</exception>
    /// <exception cref="ConfigResolutionException">Unknown organization (TEN2005) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public ValueTask<CompletionRoute> ResolveCompletionAsync(
        string organizationSlug,
        string? setup = null,
        string? requestedModel = null,
        string? requestedProvider = null,
        CancellationToken cancellationToken = default)
    {
        var pending = ResolveAsync(organizationSlug, setup, cancellationToken);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<CompletionRoute>(pending.Result.RouteCompletion(requestedModel, requestedProvider))
            : RouteAfterAsync(pending, requestedModel, requestedProvider);
    }

    /// <summary>Resolves the completion route of a user's organization (their default organization, or the system organization when they have none).</summary>
    /// <param name="email">The user's email (case-insensitive).</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="requestedModel">The model the caller asked for, or null.</param>
    /// <param name="requestedProvider">The provider the caller asked for, or null.</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    /// <returns>The route.</returns>
    /// <exception cref="CompletionRouteException">No provider and model qualifies (CFG1050).</exception>
    /// <exception cref="ConfigResolutionException">Unknown user (TEN2006) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async ValueTask<CompletionRoute> ResolveCompletionForUserByEmailAsync(
        string email,
        string? setup = null,
        string? requestedModel = null,
        string? requestedProvider = null,
        CancellationToken cancellationToken = default)
    {
        var config = await ResolveForUserByEmailAsync(email, setup, cancellationToken).ConfigureAwait(false);
        return config.RouteCompletion(requestedModel, requestedProvider);
    }

    /// <summary>Resolves the completion route of a user's organization, by user id.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="requestedModel">The model the caller asked for, or null.</param>
    /// <param name="requestedProvider">The provider the caller asked for, or null.</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    /// <returns>The route.</returns>
    /// <exception cref="CompletionRouteException">No provider and model qualifies (CFG1050).</exception>
    /// <exception cref="ConfigResolutionException">Unknown user (TEN2006) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async ValueTask<CompletionRoute> ResolveCompletionForUserAsync(
        Guid userId,
        string? setup = null,
        string? requestedModel = null,
        string? requestedProvider = null,
        CancellationToken cancellationToken = default)
    {
        var config = await ResolveForUserAsync(userId, setup, cancellationToken).ConfigureAwait(false);
        return config.RouteCompletion(requestedModel, requestedProvider);
    }

    private static async ValueTask<CompletionRoute> RouteAfterAsync(ValueTask<TenantConfig> pending, string? requestedModel, string? requestedProvider)
    {
        var config = await pending.ConfigureAwait(false);
        return config.RouteCompletion(requestedModel, requestedProvider);
    }
}
