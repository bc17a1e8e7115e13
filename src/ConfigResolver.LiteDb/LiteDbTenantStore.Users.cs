using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Read("GetUser", null, db => LiteQueries.UserById(db, userId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Read("FindUserByEmail", null, db => LiteQueries.UserByEmail(db, email), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<User>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        Read("ListUsers", null, db => LiteQueries.AllUsers(db).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Write("CreateUser", null, db =>
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateUser(
                user,
                idExists: LiteQueries.UserById(db, user.Id) is not null,
                emailTaken: LiteQueries.UserByEmail(db, user.Email) is not null));
            db.GetCollection(LiteDocs.Users).Insert(LiteDocs.FromUser(user));
            return ([TenantChange.UserCreated(user)], AuditEvents.UserCreated(user));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Write("UpdateUser", null, db =>
        {
            var existing = LiteQueries.UserById(db, user.Id)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownUser(user.Email)]);
            var defaultIsMembership = user.DefaultOrganizationId is { } id && LiteQueries.Membership(db, id, user.Id) is not null;
            var emailTaken = LiteQueries.UserByEmail(db, user.Email) is { } other && other.Id != user.Id;
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateUser(existing, user, emailTaken, defaultIsMembership));
            db.GetCollection(LiteDocs.Users).Update(LiteDocs.FromUser(user));
            return ([TenantChange.UserUpdated(user)], AuditEvents.UserUpdated(existing, user));
        }, cancellationToken);
    }
}
