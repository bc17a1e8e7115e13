using ConfigResolver.Storage;
using ConfigResolver.Usage;

namespace ConfigResolver.Cli.Commands;

internal sealed partial class CheckCommand
{
    /// <summary>
    /// This month's usage counters of the organization as stored (consumed plus leased), for rules that read
    /// <c>usage.*</c>; an unknown organization gets none (the check then reports it as unknown).
    /// </summary>
    private static async Task<IUsageReader> UsageAsync(ITenantStore store, string slug, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false) is not { } organization)
        {
            return new UsageCounterReader([]);
        }

        var counters = await store.ListUsageAsync(organization.Id, UsageRules.PeriodOf(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new UsageCounterReader([KeyValuePair.Create<Guid, IReadOnlyList<UsageCounter>>(organization.Id, counters)]);
    }
}
