using System.Collections.Immutable;

namespace ConfigResolver.Storage;

/// <summary>
/// An optional store ability: list organizations with their member counts without reading their configuration
/// documents, so a listing costs the same however large the documents are.
/// </summary>
public interface IOrganizationSummaryStore
{
    /// <summary>Lists every organization's summary, ordered by slug (ordinal).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summaries.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<OrganizationSummary>> ListOrganizationSummariesAsync(CancellationToken cancellationToken = default);
}
