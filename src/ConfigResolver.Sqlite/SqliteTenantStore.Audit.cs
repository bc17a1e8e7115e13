using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return ReadAsync("QueryAudit", query.Organization, c => SqliteAccessQueries.Audit(c, null, query), cancellationToken);
    }
}
