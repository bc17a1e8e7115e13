using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Authorization;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Access;

/// <summary>
/// Invitations to join an organization: created with a role no higher than the inviter's, a token returned once and
/// stored hashed, listed while pending, accepted by the invited email (which joins, creating the user if needed),
/// cancelled, or resent with a new token (the old one stops working).
/// </summary>
/// <remarks>
/// Safe for concurrent use. Acceptance is one store transaction, so accepting twice (even concurrently) joins once; the
/// second attempt is refused with ACC5204. Acceptance errors never name the organization or the invited email.
/// </remarks>
public sealed partial class InvitationService
{
    /// <summary>The longest invitation message.</summary>
    public const int MaxMessageLength = 1000;

    private readonly ITenantStore _store;
    private readonly Func<AuthorizationSnapshot> _authorization;
    private readonly AccessOptions _options;
    private readonly AccessSecrets _secrets;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store.</param>
    /// <param name="authorization">Returns the snapshot an inviter's <c>users:write</c> is checked against.</param>
    /// <param name="options">Invitation lifetime, clock and random source; defaults when null.</param>
    /// <param name="logger">Logs invitations by id (never a token).</param>
    public InvitationService(ITenantStore store, Func<AuthorizationSnapshot> authorization, AccessOptions? options = null, ILogger<InvitationService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(authorization);
        _store = store;
        _authorization = authorization;
        _options = options ?? new AccessOptions();
        _secrets = new AccessSecrets(_options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Invites an email into an organization with a role. With an inviter, the inviter must be a member allowed
    /// <c>users:write</c> and the role may not exceed theirs; without one (an operator), any role may be given.
    /// </summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="email">The invited email.</param>
    /// <param name="role">The role the invitee gets.</param>
    /// <param name="inviterEmail">The inviting member's email, or null for an operator.</param>
    /// <param name="message">A message for the invitee, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation and its token, shown once.</returns>
    /// <exception cref="TenantValidationException">Unknown organization or inviter, an invalid email (TEN2003) or message (TEN2014).</exception>
    /// <exception cref="AccessException">The inviter may not invite (ACC5209) or not with that role (ACC5206).</exception>
    public async Task<IssuedInvitation> CreateAsync(string organization, string email, MembershipRole role, string? inviterEmail = null, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        _ = TenancyNames.ToName(role);
        var org = await FindAsync(organization, cancellationToken).ConfigureAwait(false);
        if (!TenancyRules.IsValidEmail(email))
        {
            throw new TenantValidationException([TenancyDiagnostics.InvalidEmail(email)]);
        }

        if (message is not null && (message.Length > MaxMessageLength || string.IsNullOrWhiteSpace(message)))
        {
            throw new TenantValidationException([TenancyDiagnostics.InvalidField(AccessDiagnostics.InvitationSubject(), "message", message.Length > 60 ? message[..60] + "..." : message)]);
        }

        var invitedBy = AuditActor.Current.Name;
        if (inviterEmail is not null)
        {
            await CheckInviterAsync(org, inviterEmail, role, cancellationToken).ConfigureAwait(false);
            invitedBy = AuditActor.User(inviterEmail).Name;
        }

        var token = _secrets.NewInvitationToken();
        var now = _options.TimeProvider.GetUtcNow();
        var invitation = new Invitation
        {
            Id = _secrets.NewId(),
            OrganizationId = org.Id,
            OrganizationSlug = org.Slug,
            Email = email,
            Role = role,
            TokenHash = AccessSecrets.HashToken(token),
            Message = message,
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + _options.InvitationLifetime,
        };
        await _store.CreateInvitationAsync(invitation, cancellationToken).ConfigureAwait(false);
        LogInvitation(_logger, invitation.Id, "created", org.Slug);
        return new IssuedInvitation(invitation, new Configuration.Secret(token));
    }

    /// <summary>Lists an organization's pending invitations (expired ones included, so they can be resent), oldest first.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending invitations.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    public async Task<ImmutableArray<Invitation>> ListPendingAsync(string organization, CancellationToken cancellationToken = default)
    {
        var org = await FindAsync(organization, cancellationToken).ConfigureAwait(false);
        return [.. (await _store.ListInvitationsAsync(org.Id, cancellationToken).ConfigureAwait(false)).Where(static i => i.Status == InvitationStatus.Pending)];
    }

    /// <summary>Accepts an invitation as the user with <paramref name="email"/>, who joins (and is created when no user has the email).</summary>
    /// <param name="token">The invitation token.</param>
    /// <param name="email">The accepting user's email; it must be the invited one (compared case-insensitively).</param>
    /// <param name="name">The display name of a user created now, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the join did.</returns>
    /// <exception cref="AccessException">Unknown token (ACC5201), expired (ACC5202), cancelled (ACC5203), already accepted (ACC5204), another email (ACC5205).</exception>
    /// <exception cref="TenantValidationException">An invalid email (TEN2003), or an organization without an owner yet (TEN2011).</exception>
    public async Task<JoinResult> AcceptAsync(string token, string email, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(email);
        if (!TenancyRules.IsValidEmail(email))
        {
            throw new TenantValidationException([TenancyDiagnostics.InvalidEmail(email)]);
        }

        if (!AccessSecrets.IsInvitationToken(token))
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckAccept(null, email, _options.TimeProvider.GetUtcNow()));
        }

        var acceptance = new InvitationAcceptance(AccessSecrets.HashToken(token), email, _options.TimeProvider.GetUtcNow(), _secrets.NewId()) { Name = name };
        try
        {
            var joined = await _store.AcceptInvitationAsync(acceptance, cancellationToken).ConfigureAwait(false);
            LogInvitation(_logger, joined.User.Id, "accepted by user", joined.Organization.Slug);
            return joined;
        }
        catch (AccessException e)
        {
            LogAcceptRefused(_logger, e.Code);
            throw;
        }
    }

    /// <summary>Cancels a pending invitation.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="invitationId">The invitation's id as text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation as cancelled.</returns>
    /// <exception cref="AccessException">No such invitation in the organization (ACC5207) or not pending (ACC5208).</exception>
    public async Task<Invitation> CancelAsync(string organization, string invitationId, CancellationToken cancellationToken = default)
    {
        var org = await FindAsync(organization, cancellationToken).ConfigureAwait(false);
        return await _store.CancelInvitationAsync(org.Id, ParseId(org.Slug, invitationId), _options.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resends a pending invitation: a new token and a new expiry; the old token stops working.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="invitationId">The invitation's id as text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation and its new token, shown once.</returns>
    /// <exception cref="AccessException">No such invitation in the organization (ACC5207) or not pending (ACC5208).</exception>
    public async Task<IssuedInvitation> ResendAsync(string organization, string invitationId, CancellationToken cancellationToken = default)
    {
        var org = await FindAsync(organization, cancellationToken).ConfigureAwait(false);
        var token = _secrets.NewInvitationToken();
        var expires = _options.TimeProvider.GetUtcNow() + _options.InvitationLifetime;
        var invitation = await _store.ReissueInvitationAsync(org.Id, ParseId(org.Slug, invitationId), AccessSecrets.HashToken(token), expires, cancellationToken).ConfigureAwait(false);
        LogInvitation(_logger, invitation.Id, "resent", org.Slug);
        return new IssuedInvitation(invitation, new Configuration.Secret(token));
    }

    private async Task CheckInviterAsync(Organization organization, string inviterEmail, MembershipRole role, CancellationToken cancellationToken)
    {
        var inviter = await _store.FindUserByEmailAsync(inviterEmail, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownUser(inviterEmail)]);
        var membership = await _store.GetMembershipAsync(organization.Id, inviter.Id, cancellationToken).ConfigureAwait(false);
        if (membership is null || !_authorization().Check(Principal.ForUser(inviter.Id), organization.Slug, "users:write").Allowed)
        {
            throw new AccessException(AccessDiagnostics.Invitation(
                AccessDiagnosticCodes.InviterNotAllowed,
                $"'{inviter.Email}' may not invite into organization '{organization.Slug}': inviting needs a membership with 'users:write'."));
        }

        if (role > membership.Role)
        {
            throw new AccessException(AccessDiagnostics.Invitation(
                AccessDiagnosticCodes.InvitationRoleTooHigh,
                $"expected a role no higher than the inviter's ('{TenancyNames.ToName(membership.Role)}'); found '{TenancyNames.ToName(role)}'."));
        }
    }

    private async Task<Organization> FindAsync(string organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return await _store.FindOrganizationBySlugAsync(organization, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organization)]);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Invitation {Id} {Action} in '{Organization}'.")]
    private static partial void LogInvitation(ILogger logger, Guid id, string action, string organization);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Invitation acceptance refused ({Code}).")]
    private static partial void LogAcceptRefused(ILogger logger, string code);

    private static Guid ParseId(string organization, string invitationId)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        return Guid.TryParse(invitationId, out var id)
            ? id
            : throw new AccessException(AccessDiagnostics.Invitation(AccessDiagnosticCodes.UnknownInvitation, $"no invitation '{invitationId}' belongs to organization '{organization}'."));
    }
}
