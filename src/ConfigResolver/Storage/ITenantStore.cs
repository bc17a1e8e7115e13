using ConfigResolver.Auditing;

namespace ConfigResolver.Storage;

/// <summary>
/// Everything a tenancy store provides: the read and write interfaces (organizations, users, memberships, API keys,
/// invitations, joins), the signup-key index, stored policy revisions, the change feed and the durable change log it is built on, and the audit log
/// every administrative write appends to in its own transaction. Every store (in-memory, SQLite, PostgreSQL, LiteDB) passes the same contract test suite.
/// </summary>
/// <remarks>
/// A store creates the one system organization (<see cref="Tenancy.SystemOrganization.Create"/>) when it is first
/// opened, and never again. Implementations are safe for concurrent use; reads never wait for writes.
/// </remarks>
public interface ITenantStore
    : IOrganizationStore,
      IOrganizationSummaryStore,
      IOrganizationStoreWriter,
      IUserStore,
      IUserStoreWriter,
      IMembershipStore,
      IMembershipStoreWriter,
      ITenantReader,
      ISignupKeyIndex,
      IPolicyRevisionStore,
      IPolicyRevisionStoreWriter,
      IApiKeyStore,
      IApiKeyStoreWriter,
      IApiKeyUsageRecorder,
      IInvitationStore,
      IInvitationStoreWriter,
      IJoinStoreWriter,
      ITenantChangeFeed,
      IChangeLog,
      IAuditLog
{
}
