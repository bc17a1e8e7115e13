namespace ConfigResolver.Commerce;

/// <summary>What an organization has now, counted by the store inside the write's transaction.</summary>
/// <param name="Members">Its members.</param>
/// <param name="PendingInvitations">Its invitations that are pending and not expired.</param>
/// <param name="ApiKeys">Its API keys that are not revoked.</param>
public readonly record struct CommerceCounts(int Members, int PendingInvitations, int ApiKeys)
{
    /// <summary>Gets the members a plan's member limit counts: members and pending invitations.</summary>
    public int Seats => Members + PendingInvitations;
}
