namespace ConfigResolver.Authorization;

/// <summary>Where an <see cref="AuthorizationService"/> takes its policy from.</summary>
public enum PolicySourceKind
{
    /// <summary>A policy directory (<see cref="AuthorizationOptions.PolicyDirectory"/>), reloaded when its files change.</summary>
    Directory = 0,

    /// <summary>
    /// The store's current policy revision (<see cref="Storage.IPolicyRevisionStore"/>), switched when the change feed
    /// reports a new one (<see cref="Storage.TenantChangeKind.PolicyRevisionPublished"/>), whichever instance published it.
    /// </summary>
    Store = 1,
}
