namespace ConfigResolver.Tenancy;

/// <summary>The lifecycle state of an organization. Wire names: <c>active</c>, <c>suspended</c>, <c>trial</c> (see <see cref="TenancyNames"/>).</summary>
public enum OrganizationStatus
{
    /// <summary>In normal use.</summary>
    Active = 0,

    /// <summary>Temporarily blocked; the policy layer denies its requests. The system organization is never suspended.</summary>
    Suspended = 1,

    /// <summary>On a trial plan.</summary>
    Trial = 2,
}
