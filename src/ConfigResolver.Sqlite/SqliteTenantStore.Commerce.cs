using System.Collections.Immutable;
using ConfigResolver.Commerce;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;
using ConfigResolver.Validation;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<CommerceState> GetCommerceAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetCommerce", null, c => SqliteCommerceQueries.State(c, null, organizationId), cancellationToken);

    /// <inheritdoc/>
    public async Task<CommerceState> ApplyCommerceAsync(CommerceCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommerceState? written = null;
        await WriteAsync("ApplyCommerce", null, w =>
        {
            var organization = SqliteQueries.OrganizationById(w.Connection, w.Transaction, command.OrganizationId)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(command.OrganizationId.ToString())]);
            w.Organization = organization.Slug;
            var now = _timeProvider.GetUtcNow();
            var isMember = command.UserId is { } userId && SqliteQueries.Membership(w.Connection, w.Transaction, organization.Id, userId) is not null;
            var inputs = new CommerceInputs(
                organization,
                SqliteCommerceQueries.State(w.Connection, w.Transaction, organization.Id),
                SqliteCommerceQueries.Counts(w.Connection, w.Transaction, organization.Id, now),
                isMember,
                now);
            var outcome = CommerceRules.Apply(command, inputs);
            SqliteCommerceQueries.Save(w.Connection, w.Transaction, outcome.State);
            if (outcome.UpdatedOrganization is { } updated)
            {
                w.Execute(
                    "UPDATE organizations SET plan = $plan, updated_at = $updated_at WHERE id = $id",
                    ("$plan", updated.Plan),
                    ("$updated_at", SqliteRows.Time(updated.UpdatedAt)),
                    ("$id", SqliteRows.Id(updated.Id)));
            }

            w.Audit = outcome.Audit;
            written = outcome.State;
            return outcome.Changes;
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async ValueTask<UsageGrant> ReserveUsageAsync(UsageReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var grant = default(UsageGrant);
        await CounterWriteAsync("ReserveUsage", (c, t) =>
        {
            var organization = SqliteQueries.OrganizationById(c, t, reservation.OrganizationId)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(reservation.OrganizationId.ToString())]);
            var state = SqliteCommerceQueries.State(c, t, organization.Id);
            var orgUsed = SqliteCommerceQueries.Used(c, t, organization.Id, string.Empty, reservation.Meter, reservation.Period);
            var teamUsed = reservation.Team is null ? 0 : SqliteCommerceQueries.Used(c, t, organization.Id, reservation.Team, reservation.Meter, reservation.Period);
            grant = UsageRules.Reserve(organization.Slug, state, reservation, orgUsed, teamUsed);
            if (grant.Granted > 0)
            {
                SqliteCommerceQueries.Add(c, t, organization.Id, string.Empty, reservation.Meter, reservation.Period, 0, grant.Granted);
                if (reservation.Team is not null)
                {
                    SqliteCommerceQueries.Add(c, t, organization.Id, reservation.Team, reservation.Meter, reservation.Period, 0, grant.Granted);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return grant;
    }

    /// <inheritdoc/>
    public Task ReleaseUsageAsync(UsageRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        return CounterWriteAsync("ReleaseUsage", (c, t) =>
        {
            var settled = -(release.Consumed + release.Returned);
            SqliteCommerceQueries.Add(c, t, release.OrganizationId, string.Empty, release.Meter, release.Period, release.Consumed, settled);
            if (release.Team is not null)
            {
                SqliteCommerceQueries.Add(c, t, release.OrganizationId, release.Team, release.Meter, release.Period, release.Consumed, settled);
            }
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<UsageCounter>> ListUsageAsync(Guid organizationId, string period, CancellationToken cancellationToken = default) =>
        ReadAsync("ListUsage", null, c => SqliteCommerceQueries.Counters(c, organizationId, period).ToImmutableArray(), cancellationToken);

    /// <summary>
    /// Runs one counter write: the write lock and an immediate transaction (so another process's reservation waits), but
    /// no change-log row and no audit event: counters are telemetry nobody follows through the feed.
    /// </summary>
    private async Task CounterWriteAsync(string operation, Action<SqliteConnection, SqliteTransaction> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction(deferred: false);
            write(_writer, transaction);
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(e, operation, null, _path);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(operation, null, e);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
