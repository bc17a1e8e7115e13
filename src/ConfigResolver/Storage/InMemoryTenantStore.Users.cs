using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.Users.GetValueOrDefault(userId));
    }

    /// <inheritdoc/>
    public ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.FindByEmail(email));
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<User>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var users = State.Users.Values.ToArray();
        Array.Sort(users, static (a, b) => string.CompareOrdinal(TenancyRules.NormalizeEmail(a.Email), TenancyRules.NormalizeEmail(b.Email)));
        return new(ImmutableArray.Create(users));
    }

    /// <inheritdoc/>
    public Task CreateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync(state =>
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateUser(
                user,
                idExists: state.Users.ContainsKey(user.Id),
                emailTaken: state.UsersByEmail.ContainsKey(TenancyRules.NormalizeEmail(user.Email))));
            return (state.WithUser(user), [TenantChange.UserCreated(user)], AuditEvents.UserCreated(user));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return WriteAsync(state =>
        {
            var existing = state.Users.GetValueOrDefault(user.Id)
                ?? throw Unknown(TenancyDiagnostics.UnknownUser(user.Email));
            var emailTaken = state.UsersByEmail.TryGetValue(TenancyRules.NormalizeEmail(user.Email), out var owner) && owner != user.Id;
            var defaultIsMembership = user.DefaultOrganizationId is { } id && state.MembershipsOf(user.Id).ContainsKey(id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateUser(existing, user, emailTaken, defaultIsMembership));
            return (state.WithUser(user), [TenantChange.UserUpdated(user)], AuditEvents.UserUpdated(existing, user));
        }, cancellationToken);
    }
}
