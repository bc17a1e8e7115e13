using System.Collections.Immutable;
using ConfigResolver.Commerce;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;
using ConfigResolver.Validation;
using LiteDB;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<CommerceState> GetCommerceAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read("GetCommerce", null, db => LiteCommerceQueries.State(db, organizationId), cancellationToken);

    /// <inheritdoc/>
    public async Task<CommerceState> ApplyCommerceAsync(CommerceCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommerceState? written = null;
        await Write("ApplyCommerce", null, db =>
        {
            var organization = LiteQueries.OrganizationById(db, command.OrganizationId)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(command.OrganizationId.ToString())]);
            var now = _timeProvider.GetUtcNow();
            var isMember = command.UserId is { } userId && LiteQueries.Membership(db, organization.Id, userId) is not null;
            var inputs = new CommerceInputs(organization, LiteCommerceQueries.State(db, organization.Id), LiteCommerceQueries.Counts(db, organization.Id, now), isMember, now);
            var outcome = CommerceRules.Apply(command, inputs);
            LiteCommerceQueries.Save(db, outcome.State);
            if (outcome.UpdatedOrganization is { } updated)
            {
                db.GetCollection(LiteDocs.Organizations).Update(LiteDocs.FromOrganization(updated));
            }

            written = outcome.State;
            return (outcome.Changes, outcome.Audit);
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public ValueTask<UsageGrant> ReserveUsageAsync(UsageReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return CounterWrite("ReserveUsage", db =>
        {
            var organization = LiteQueries.OrganizationById(db, reservation.OrganizationId)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(reservation.OrganizationId.ToString())]);
            var state = LiteCommerceQueries.State(db, organization.Id);
            var orgUsed = LiteCommerceQueries.Counter(db, organization.Id, string.Empty, reservation.Meter, reservation.Period).Used;
            var teamUsed = reservation.Team is null ? 0 : LiteCommerceQueries.Counter(db, organization.Id, reservation.Team, reservation.Meter, reservation.Period).Used;
            var grant = UsageRules.Reserve(organization.Slug, state, reservation, orgUsed, teamUsed);
            if (grant.Granted > 0)
            {
                LiteCommerceQueries.Add(db, organization.Id, string.Empty, reservation.Meter, reservation.Period, 0, grant.Granted);
                if (reservation.Team is not null)
                {
                    LiteCommerceQueries.Add(db, organization.Id, reservation.Team, reservation.Meter, reservation.Period, 0, grant.Granted);
                }
            }

            return grant;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task ReleaseUsageAsync(UsageRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        return CounterWrite("ReleaseUsage", db =>
        {
            var settled = -(release.Consumed + release.Returned);
            LiteCommerceQueries.Add(db, release.OrganizationId, string.Empty, release.Meter, release.Period, release.Consumed, settled);
            if (release.Team is not null)
            {
                LiteCommerceQueries.Add(db, release.OrganizationId, release.Team, release.Meter, release.Period, release.Consumed, settled);
            }

            return true;
        }, cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<UsageCounter>> ListUsageAsync(Guid organizationId, string period, CancellationToken cancellationToken = default) =>
        Read("ListUsage", null, db => LiteCommerceQueries.Counters(db, organizationId, period).ToImmutableArray(), cancellationToken);

    /// <summary>One counter write in one LiteDB transaction, without a change-log row or an audit event (counters are telemetry).</summary>
    private ValueTask<T> CounterWrite<T>(string operation, Func<LiteDatabase, T> write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        try
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _db.BeginTrans();
                try
                {
                    var result = write(_db);
                    _db.Commit();
                    return ValueTask.FromResult(result);
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }
            }
        }
        catch (Exception e) when (LiteErrors.IsProviderFailure(e))
        {
            return ValueTask.FromException<T>(LiteErrors.Wrap(e, operation, null, _path));
        }
#pragma warning disable CA1031 // Not swallowed: returned in the faulted task, as an async method would.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ValueTask.FromException<T>(e);
        }
    }
}
