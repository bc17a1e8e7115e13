using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// LiteDB has no triggers: the store never updates or deletes an event, but anyone who can write the file can. Use
    /// SQLite or PostgreSQL where the audit log must be tamper-resistant (docs/access.md).
    /// </remarks>
    public ValueTask<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return Read("QueryAudit", query.Organization, db => LiteAccessQueries.Audit(db, query), cancellationToken);
    }
}
