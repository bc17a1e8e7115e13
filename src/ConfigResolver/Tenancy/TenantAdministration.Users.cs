using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Tenancy;

public sealed partial class TenantAdministration
{
    /// <summary>Adds a user.</summary>
    /// <param name="email">The email; unique case-insensitively.</param>
    /// <param name="name">The display name, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored user.</returns>
    /// <exception cref="TenantValidationException">Invalid (TEN2003) or taken (TEN2004) email, or an invalid name (TEN2014).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<User> AddUserAsync(string email, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var bag = new DiagnosticBag();
        if (!TenancyRules.IsValidEmail(email))
        {
            bag.Add(TenancyDiagnostics.InvalidEmail(email));
        }
        else if (await _store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false) is not null)
        {
            bag.Add(TenancyDiagnostics.DuplicateEmail(email));
        }

        if (name is not null && !TenancyRules.IsValidName(name))
        {
            bag.Add(TenancyDiagnostics.InvalidField(TenancyDiagnostics.UserSubject(email), "name", name));
        }

        ThrowIfAny(bag);
        var now = _timeProvider.GetUtcNow();
        var user = new User { Id = Guid.CreateVersion7(now), Email = email, Name = name, CreatedAt = now, UpdatedAt = now };
        await _store.CreateUserAsync(user, cancellationToken).ConfigureAwait(false);
        LogUserWritten(_logger, "created", user.Id);
        return user;
    }

    /// <summary>Gives a user a role in an organization, adding the membership if needed.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored membership.</returns>
    /// <exception cref="TenantValidationException">Unknown organization or user, demoting the last owner (TEN2010), or a first member who is not an owner (TEN2011).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<Membership> SetMembershipAsync(string organizationSlug, string email, MembershipRole role, CancellationToken cancellationToken = default)
    {
        _ = TenancyNames.ToName(role);
        var (organization, user) = await FindBothAsync(organizationSlug, email, cancellationToken).ConfigureAwait(false);
        var membership = new Membership(organization.Id, user.Id, role);
        await _store.SetMembershipAsync(membership, cancellationToken).ConfigureAwait(false);
        LogMembershipWritten(_logger, user.Id, "set", organization.Slug);
        return membership;
    }

    /// <summary>Removes a user from an organization.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the removal is stored.</returns>
    /// <exception cref="TenantValidationException">Unknown organization, user or membership, or the last owner (TEN2009).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task RemoveMembershipAsync(string organizationSlug, string email, CancellationToken cancellationToken = default)
    {
        var (organization, user) = await FindBothAsync(organizationSlug, email, cancellationToken).ConfigureAwait(false);
        await _store.RemoveMembershipAsync(organization.Id, user.Id, cancellationToken).ConfigureAwait(false);
        LogMembershipWritten(_logger, user.Id, "removed", organization.Slug);
    }

    /// <summary>Sets the organization a user acts in by default; it must be one of the user's memberships.</summary>
    /// <param name="email">The user's email.</param>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored user.</returns>
    /// <exception cref="TenantValidationException">Unknown organization or user, or not a member (TEN2012).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<User> SetDefaultOrganizationAsync(string email, string organizationSlug, CancellationToken cancellationToken = default)
    {
        var (organization, user) = await FindBothAsync(organizationSlug, email, cancellationToken).ConfigureAwait(false);
        var updated = user with { DefaultOrganizationId = organization.Id, UpdatedAt = _timeProvider.GetUtcNow() };
        await _store.UpdateUserAsync(updated, cancellationToken).ConfigureAwait(false);
        LogMembershipWritten(_logger, user.Id, "made default", organization.Slug);
        return updated;
    }

    private async Task<(Organization Organization, User User)> FindBothAsync(string organizationSlug, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationSlug);
        ArgumentNullException.ThrowIfNull(email);
        var organization = await _store.FindOrganizationBySlugAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var user = await _store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (organization is null || user is null)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(2);
            if (organization is null)
            {
                diagnostics.Add(TenancyDiagnostics.UnknownOrganization(organizationSlug));
            }

            if (user is null)
            {
                diagnostics.Add(TenancyDiagnostics.UnknownUser(email));
            }

            throw new TenantValidationException(diagnostics.ToImmutable());
        }

        return (organization, user);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "User {UserId} {Action}.")]
    private static partial void LogUserWritten(ILogger logger, string action, Guid userId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "User {UserId}: membership in '{Slug}' {Action}.")]
    private static partial void LogMembershipWritten(ILogger logger, Guid userId, string action, string slug);
}
