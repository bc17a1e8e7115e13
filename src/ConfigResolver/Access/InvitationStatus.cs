namespace ConfigResolver.Access;

/// <summary>Where an invitation is in its life. An expired invitation stays <see cref="Pending"/>; its expiry says so.</summary>
public enum InvitationStatus
{
    /// <summary>Waiting to be accepted.</summary>
    Pending = 0,

    /// <summary>Accepted: its user is a member.</summary>
    Accepted = 1,

    /// <summary>Cancelled by an administrator.</summary>
    Cancelled = 2,
}
