using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetUser", null, c => SqliteQueries.UserById(c, null, userId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return ReadAsync("FindUserByEmail", null, c => SqliteQueries.UserByEmail(c, null, email), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<User>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("ListUsers", null, c => SqliteQueries.Users(c, null).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync("CreateUser", null, w =>
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateUser(
                user,
                idExists: SqliteQueries.UserById(w.Connection, w.Transaction, user.Id) is not null,
                emailTaken: SqliteQueries.EmailTakenByOther(w.Connection, w.Transaction, user.Email, self: null)));
            using var insert = SqliteCommands.Create(
                w.Connection,
                w.Transaction,
                "INSERT INTO users (id, email, email_normalized, name, default_organization_id, created_at, updated_at) "
                + "VALUES ($id, $email, $email_normalized, $name, $default_organization_id, $created_at, $updated_at)");
            SqliteRows.BindUser(insert, user);
            insert.ExecuteNonQuery();
            w.Audit = AuditEvents.UserCreated(user);
            return [TenantChange.UserCreated(user)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync("UpdateUser", null, w =>
        {
            var existing = SqliteQueries.UserById(w.Connection, w.Transaction, user.Id)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownUser(user.Email)]);
            var defaultIsMembership = user.DefaultOrganizationId is { } id
                && SqliteQueries.Membership(w.Connection, w.Transaction, id, user.Id) is not null;
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateUser(
                existing,
                user,
                SqliteQueries.EmailTakenByOther(w.Connection, w.Transaction, user.Email, user.Id),
                defaultIsMembership));

            // created_at never changes (checked above), so it is not written.
            using var update = SqliteCommands.Create(
                w.Connection,
                w.Transaction,
                "UPDATE users SET email = $email, email_normalized = $email_normalized, name = $name, "
                + "default_organization_id = $default_organization_id, updated_at = $updated_at WHERE id = $id");
            SqliteRows.BindUser(update, user);
            update.ExecuteNonQuery();
            w.Audit = AuditEvents.UserUpdated(existing, user);
            return [TenantChange.UserUpdated(user)];
        }, cancellationToken);
    }
}
