namespace ConfigResolver.Auditing;

/// <summary>The actions the audit log records, one per kind of administrative write (docs/access.md lists them).</summary>
public static class AuditActions
{
    /// <summary>An organization was created.</summary>
    public const string OrganizationCreate = "org.create";

    /// <summary>An organization changed in more than one respect (name, metadata, or several fields at once).</summary>
    public const string OrganizationUpdate = "org.update";

    /// <summary>An organization's configuration document was replaced.</summary>
    public const string OrganizationConfigSet = "org.config.set";

    /// <summary>An organization's status changed.</summary>
    public const string OrganizationStatusSet = "org.status.set";

    /// <summary>An organization's plan changed.</summary>
    public const string OrganizationPlanSet = "org.plan.set";

    /// <summary>An organization (with its memberships, invitations and keys) was deleted.</summary>
    public const string OrganizationDelete = "org.delete";

    /// <summary>A user was created.</summary>
    public const string UserCreate = "user.create";

    /// <summary>A user was changed (email, name, default organization).</summary>
    public const string UserUpdate = "user.update";

    /// <summary>A membership was added or its role changed.</summary>
    public const string MemberSet = "member.set";

    /// <summary>A membership was removed.</summary>
    public const string MemberRemove = "member.remove";

    /// <summary>An API key was created.</summary>
    public const string ApiKeyCreate = "apikey.create";

    /// <summary>An API key got a new secret.</summary>
    public const string ApiKeyRotate = "apikey.rotate";

    /// <summary>An API key was revoked.</summary>
    public const string ApiKeyRevoke = "apikey.revoke";

    /// <summary>An invitation was created.</summary>
    public const string InvitationCreate = "invitation.create";

    /// <summary>An invitation got a new token (the old one stopped working).</summary>
    public const string InvitationResend = "invitation.resend";

    /// <summary>An invitation was cancelled.</summary>
    public const string InvitationCancel = "invitation.cancel";

    /// <summary>An invitation was accepted: its user joined the organization.</summary>
    public const string InvitationAccept = "invitation.accept";

    /// <summary>A user joined an organization with a sign-up key.</summary>
    public const string Signup = "signup";

    /// <summary>A policy revision was stored from a directory (<c>cfgr policy push</c>).</summary>
    public const string PolicyPush = "policy.push";

    /// <summary>A policy revision equal to an earlier one was stored (<c>cfgr policy rollback</c>).</summary>
    public const string PolicyRollback = "policy.rollback";
}
