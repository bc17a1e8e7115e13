using System.Collections.Immutable;
using ConfigResolver.Commerce;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<CommerceState> GetCommerceAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.CommerceOf(organizationId));
    }

    /// <inheritdoc/>
    public async Task<CommerceState> ApplyCommerceAsync(CommerceCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommerceState? written = null;
        await WriteAsync(state =>
        {
            var organization = state.Organizations.GetValueOrDefault(command.OrganizationId)
                ?? throw Unknown(TenancyDiagnostics.UnknownOrganization(command.OrganizationId.ToString()));
            var now = _timeProvider.GetUtcNow();
            var isMember = command.UserId is { } userId && state.MembersOf(organization.Id).ContainsKey(userId);
            var outcome = CommerceRules.Apply(command, new CommerceInputs(organization, state.CommerceOf(organization.Id), state.CountsOf(organization.Id, now), isMember, now));
            var next = state.WithCommerce(outcome.State);
            if (outcome.UpdatedOrganization is { } updated)
            {
                next = next.WithOrganization(updated);
            }

            written = outcome.State;
            return (next, outcome.Changes, outcome.Audit);
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public ValueTask<UsageGrant> ReserveUsageAsync(UsageReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var state = _state;
            var organization = state.Organizations.GetValueOrDefault(reservation.OrganizationId)
                ?? throw Unknown(TenancyDiagnostics.UnknownOrganization(reservation.OrganizationId.ToString()));
            var orgKey = (organization.Id, string.Empty, reservation.Meter, reservation.Period);
            var teamKey = (organization.Id, reservation.Team ?? string.Empty, reservation.Meter, reservation.Period);
            var orgCounter = state.Usage.GetValueOrDefault(orgKey);
            var teamCounter = reservation.Team is null ? default : state.Usage.GetValueOrDefault(teamKey);
            var grant = UsageRules.Reserve(organization.Slug, state.CommerceOf(organization.Id), reservation, orgCounter.Consumed + orgCounter.Leased, teamCounter.Consumed + teamCounter.Leased);
            if (grant.Granted > 0)
            {
                var usage = state.Usage.SetItem(orgKey, (orgCounter.Consumed, orgCounter.Leased + grant.Granted));
                if (reservation.Team is not null)
                {
                    usage = usage.SetItem(teamKey, (teamCounter.Consumed, teamCounter.Leased + grant.Granted));
                }

                Volatile.Write(ref _state, state with { Usage = usage });
            }

            return new(grant);
        }
    }

    /// <inheritdoc/>
    public Task ReleaseUsageAsync(UsageRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var usage = _state.Usage;
            usage = Settle(usage, (release.OrganizationId, string.Empty, release.Meter, release.Period), release);
            if (release.Team is not null)
            {
                usage = Settle(usage, (release.OrganizationId, release.Team, release.Meter, release.Period), release);
            }

            Volatile.Write(ref _state, _state with { Usage = usage });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<UsageCounter>> ListUsageAsync(Guid organizationId, string period, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new([.. State.Usage
            .Where(p => p.Key.Organization == organizationId && p.Key.Period == period)
            .Select(static p => new UsageCounter(p.Key.Team.Length == 0 ? null : p.Key.Team, p.Key.Meter, p.Key.Period, p.Value.Consumed, p.Value.Leased))
            .OrderBy(static c => c.Team ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(static c => c.Meter, StringComparer.Ordinal)]);
    }

    private static ImmutableDictionary<(Guid, string, string, string), (long Consumed, long Leased)> Settle(
        ImmutableDictionary<(Guid, string, string, string), (long Consumed, long Leased)> usage,
        (Guid, string, string, string) key,
        UsageRelease release)
    {
        var counter = usage.GetValueOrDefault(key);
        return usage.SetItem(key, (counter.Consumed + release.Consumed, Math.Max(0, counter.Leased - release.Consumed - release.Returned)));
    }
}
