using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Resolution;

public sealed partial class TenantConfigResolver
{
    private async ValueTask<TenantConfig> ResolveMissAsync(string slug, string setup, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(slug, static _ => new OrgCacheSlot());

        // Order matters. The generations are taken before the data is read, so a write that commits after
        // the read bumps a generation we already hold, and the insert below is refused (or undone).
        var generation = slot.Generation;
        var storeRevision = Volatile.Read(ref _appliedRevision);
        var system = await GetSystemAsync(cancellationToken).ConfigureAwait(false);
        var organization = await _store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            _slots.TryRemove(new KeyValuePair<string, OrgCacheSlot>(slug, slot));
            throw new ConfigResolutionException([TenancyDiagnostics.UnknownOrganization(slug)]);
        }

        var config = Build(organization, setup, system.Organization!, generation, storeRevision);
        if (slot.TryAdd(generation, config))
        {
            // A system write may have scanned this slot before the insert above; if the system generation moved
            // since we read the system organization, undo the insert rather than keep a snapshot of old system data.
            if (Volatile.Read(ref _system).Generation != system.Generation)
            {
                slot.Evict(c => ReferenceEquals(c, config));
            }
            else
            {
                _slugsById[organization.Id] = organization.Slug;
            }
        }

        return config;
    }

    private async ValueTask<TenantConfig> ResolveByIdMissAsync(Guid organizationId, string setup, CancellationToken cancellationToken)
    {
        var organization = await _store.GetOrganizationAsync(organizationId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigResolutionException([TenancyDiagnostics.UnknownOrganization(organizationId.ToString())]);
        var config = await ResolveAsync(organization.Slug, setup, cancellationToken).ConfigureAwait(false);

        // The slug may have been deleted and reused between the two reads; never answer for another organization.
        if (config.OrganizationId != organizationId)
        {
            throw new ConfigResolutionException([TenancyDiagnostics.UnknownOrganization(organizationId.ToString())]);
        }

        _slugsById[organizationId] = organization.Slug;
        return config;
    }

    private async ValueTask<SystemState> GetSystemAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = Volatile.Read(ref _system);
            if (current.Organization is not null)
            {
                return current;
            }

            var loaded = await _store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);

            // Install only if no system write was seen meanwhile; otherwise use what the change feed installed.
            Interlocked.CompareExchange(ref _system, current with { Organization = loaded }, current);
        }
    }

    private TenantConfig Build(Organization organization, string setup, Organization system, long generation, long storeRevision)
    {
        if (setup != ConfigKeys.DefaultSetup && !organization.Config.HasSetup(setup) && (organization.IsSystem || !system.Config.HasSetup(setup)))
        {
            throw new ConfigResolutionException([UnknownSetup(organization, setup, system)]);
        }

        var config = new TenantConfigBuilder(organization, setup, _environment, system, _sharing).Build(setup, generation, storeRevision, _timeProvider.GetUtcNow());
        LogBuilt(_logger, organization.Slug, setup, generation);
        return config;
    }

    private static Diagnostic UnknownSetup(Organization organization, string setup, Organization system)
    {
        var known = new SortedSet<string>(StringComparer.Ordinal) { ConfigKeys.DefaultSetup };
        known.UnionWith(organization.Config.SetupNames);
        if (!organization.IsSystem)
        {
            known.UnionWith(system.Config.SetupNames);
        }

        var expected = "one of " + ValueDescriber.QuoteList(known, max: 50);
        return new Diagnostic(DiagnosticCodes.UnknownSetup, $"unknown setup {ValueDescriber.Quote(setup)}; expected {expected}.")
        {
            Where = TenancyDiagnostics.OrgSubject(organization.Slug),
            Pointer = "/setups/" + JsonPointer.Escape(setup),
            Expected = expected,
            Actual = ValueDescriber.Quote(setup),
        };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Resolved org '{Slug}' setup '{Setup}' at generation {Generation}.")]
    private static partial void LogBuilt(ILogger logger, string slug, string setup, long generation);
}
