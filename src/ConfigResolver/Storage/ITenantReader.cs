namespace ConfigResolver.Storage;

/// <summary>
/// What a reader of tenancy needs from a store: organizations, users and memberships by key, the stored policy
/// revisions, the change feed to subscribe to and the change log with its published revision. The configuration resolver and the authorization
/// service take this seam, not the whole <see cref="ITenantStore"/> with its writers.
/// </summary>
/// <remarks>Implementations are safe for concurrent use.</remarks>
public interface ITenantReader
    : IOrganizationStore,
      IUserStore,
      IMembershipStore,
      IPolicyRevisionStore,
      ITenantChangeFeed,
      IChangeLog
{
}
