using System.Collections.Immutable;
using System.Data;
using ConfigResolver.Commerce;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;
using ConfigResolver.Validation;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<CommerceState> GetCommerceAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetCommerce", null, (c, ct) => PgCommerceQueries.StateAsync(c, null, organizationId, ct), cancellationToken);

    /// <inheritdoc/>
    public async Task<CommerceState> ApplyCommerceAsync(CommerceCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommerceState? written = null;
        await WriteAsync("ApplyCommerce", null, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            var organization = await PgQueries.OrganizationByIdAsync(c, t, command.OrganizationId, ct).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(command.OrganizationId.ToString())]);
            w.Organization = organization.Slug;
            var now = _timeProvider.GetUtcNow();
            var isMember = command.UserId is { } userId && await PgQueries.MembershipAsync(c, t, organization.Id, userId, ct).ConfigureAwait(false) is not null;
            var inputs = new CommerceInputs(
                organization,
                await PgCommerceQueries.StateAsync(c, t, organization.Id, ct).ConfigureAwait(false),
                await PgCommerceQueries.CountsAsync(c, t, organization.Id, now, ct).ConfigureAwait(false),
                isMember,
                now);
            var outcome = CommerceRules.Apply(command, inputs);
            await PgCommerceQueries.SaveAsync(c, t, outcome.State, ct).ConfigureAwait(false);
            if (outcome.UpdatedOrganization is { } updated)
            {
                await w.ExecuteAsync("UPDATE organizations SET plan = @plan, updated_at = @updated_at WHERE id = @id", ("plan", updated.Plan), ("updated_at", PgRows.Time(updated.UpdatedAt)), ("id", updated.Id)).ConfigureAwait(false);
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
        return await CounterWriteAsync("ReserveUsage", async (c, t, ct) =>
        {
            var organization = await PgQueries.OrganizationByIdAsync(c, t, reservation.OrganizationId, ct).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(reservation.OrganizationId.ToString())]);
            var state = await PgCommerceQueries.StateAsync(c, t, organization.Id, ct).ConfigureAwait(false);
            UsageRules.Limits(organization.Slug, state, reservation.Team, reservation.Meter);

            // The organization's row first, then the team's: every reservation locks in the same order.
            var orgUsed = await PgCommerceQueries.LockUsedAsync(c, t, organization.Id, string.Empty, reservation.Meter, reservation.Period, ct).ConfigureAwait(false);
            var teamUsed = reservation.Team is null ? 0 : await PgCommerceQueries.LockUsedAsync(c, t, organization.Id, reservation.Team, reservation.Meter, reservation.Period, ct).ConfigureAwait(false);
            var grant = UsageRules.Reserve(organization.Slug, state, reservation, orgUsed, teamUsed);
            if (grant.Granted > 0)
            {
                await PgCommerceQueries.AddAsync(c, t, organization.Id, string.Empty, reservation.Meter, reservation.Period, 0, grant.Granted, ct).ConfigureAwait(false);
                if (reservation.Team is not null)
                {
                    await PgCommerceQueries.AddAsync(c, t, organization.Id, reservation.Team, reservation.Meter, reservation.Period, 0, grant.Granted, ct).ConfigureAwait(false);
                }
            }

            return grant;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task ReleaseUsageAsync(UsageRelease release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        return CounterWriteAsync("ReleaseUsage", async (c, t, ct) =>
        {
            var settled = -(release.Consumed + release.Returned);
            await PgCommerceQueries.AddAsync(c, t, release.OrganizationId, string.Empty, release.Meter, release.Period, release.Consumed, settled, ct).ConfigureAwait(false);
            if (release.Team is not null)
            {
                await PgCommerceQueries.AddAsync(c, t, release.OrganizationId, release.Team, release.Meter, release.Period, release.Consumed, settled, ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<UsageCounter>> ListUsageAsync(Guid organizationId, string period, CancellationToken cancellationToken = default) =>
        ReadAsync("ListUsage", null, async (c, ct) => (await PgCommerceQueries.CountersAsync(c, organizationId, period, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <summary>
    /// Runs one counter write in its own transaction, without the change log's head (counters are telemetry: no log row, no
    /// audit event), so reservations of different counters do not wait for each other or for administrative writes.
    /// </summary>
    private async Task<T> CounterWriteAsync<T>(string operation, Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        catch (Exception e) when (PgErrors.IsProviderFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            if (IsBrokenConnection(e))
            {
                _dataSource.Clear();
            }

            throw PgErrors.Wrap(e, operation, null, _server);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(operation, null, e);
        }
    }
}
