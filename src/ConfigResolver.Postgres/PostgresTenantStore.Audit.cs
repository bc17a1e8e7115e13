using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return ReadAsync("QueryAudit", query.Organization, (c, ct) => PgAccessQueries.AuditAsync(c, null, query, ct), cancellationToken);
    }
}
