using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetUser", null, (c, ct) => PgQueries.UserByIdAsync(c, null, userId, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return ReadAsync("FindUserByEmail", null, (c, ct) => PgQueries.UserByEmailAsync(c, null, email, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<User>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("ListUsers", null, async (c, ct) => (await PgQueries.UsersAsync(c, null, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync("CreateUser", null, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateUser(
                user,
                idExists: await PgQueries.UserByIdAsync(c, t, user.Id, ct).ConfigureAwait(false) is not null,
                emailTaken: await PgQueries.UserByEmailAsync(c, t, user.Email, ct).ConfigureAwait(false) is not null));
            await w.ExecuteAsync(
                "INSERT INTO users (id, email, email_normalized, name, default_organization_id, created_at, updated_at) "
                + "VALUES (@id, @email, @email_normalized, @name, @default_organization_id, @created_at, @updated_at)",
                PgRows.UserParameters(user)).ConfigureAwait(false);
            w.Audit = AuditEvents.UserCreated(user);
            return [TenantChange.UserCreated(user)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync("UpdateUser", null, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            var existing = await PgQueries.UserByIdAsync(c, t, user.Id, ct).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownUser(user.Email)]);
            var defaultIsMembership = user.DefaultOrganizationId is { } id
                && await PgQueries.MembershipAsync(c, t, id, user.Id, ct).ConfigureAwait(false) is not null;
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateUser(
                existing,
                user,
                await PgQueries.EmailTakenByOtherAsync(c, t, user.Email, user.Id, ct).ConfigureAwait(false),
                defaultIsMembership));

            // created_at never changes (checked above); it is bound but not written.
            await w.ExecuteAsync(
                "UPDATE users SET email = @email, email_normalized = @email_normalized, name = @name, "
                + "default_organization_id = @default_organization_id, updated_at = @updated_at WHERE id = @id AND created_at = @created_at",
                PgRows.UserParameters(user)).ConfigureAwait(false);
            w.Audit = AuditEvents.UserUpdated(existing, user);
            return [TenantChange.UserUpdated(user)];
        }, cancellationToken);
    }
}
