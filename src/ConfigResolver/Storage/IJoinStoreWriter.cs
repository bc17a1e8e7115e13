using ConfigResolver.Access;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// Lets a person join an organization, in one transaction: the user is created when no user has the email (an existing
/// user joins instead), the membership is added or its role raised (never lowered), and the write is logged and audited
/// once. Decided by <see cref="JoinPlan"/>, so every store does the same.
/// </summary>
public interface IJoinStoreWriter
{
    /// <summary>Accepts an invitation: checks it (<see cref="AccessInvariants.CheckAccept"/>) and joins its organization.</summary>
    /// <param name="acceptance">The token's hash, the accepting email, the time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What the join did.</returns>
    /// <exception cref="AccessException">Unknown token, cancelled, already accepted, expired or another email (ACC5201-ACC5205).</exception>
    /// <exception cref="TenantValidationException">The organization has no owner yet (TEN2011).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<JoinResult> AcceptInvitationAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default);

    /// <summary>Joins the organization a sign-up key led to (the caller has checked the key).</summary>
    /// <param name="join">The organization, email and role.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What the join did.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or it has no owner yet (TEN2011).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<JoinResult> SignUpAsync(SignupJoin join, CancellationToken cancellationToken = default);
}
