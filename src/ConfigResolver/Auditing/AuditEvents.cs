using ConfigResolver.Tenancy;

namespace ConfigResolver.Auditing;

/// <summary>
/// The audit entries of tenancy writes, built from what each write's transaction read and wrote, so every store records
/// the same action, target and changes. Access writes (keys, invitations, sign-up) are in <see cref="AccessAuditEvents"/>.
/// </summary>
public static class AuditEvents
{
    /// <summary><c>org.create</c>: name, status, plan, metadata and every configuration value (secrets fingerprinted).</summary>
    /// <param name="organization">The organization created.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry OrganizationCreated(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var diff = new AuditDiff()
            .Value("name", null, organization.Name)
            .Value("status", null, TenancyNames.ToName(organization.Status))
            .Value("plan", null, organization.Plan);
        foreach (var (key, value) in organization.Metadata)
        {
            diff.Value("metadata/" + key, null, value);
        }

        diff.Document("/config", null, organization.Config);
        return Entry(AuditActions.OrganizationCreate, organization, organization.Slug, diff);
    }

    /// <summary>
    /// The entry of an organization update: <c>org.status.set</c>, <c>org.config.set</c> or <c>org.plan.set</c> when only
    /// that changed, <c>org.update</c> otherwise.
    /// </summary>
    /// <param name="before">The organization as stored before.</param>
    /// <param name="after">The organization as written.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry OrganizationUpdated(Organization before, Organization after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var nameChanged = before.Name != after.Name;
        var statusChanged = before.Status != after.Status;
        var planChanged = before.Plan != after.Plan;
        var configChanged = !before.Config.Equals(after.Config);
        var metadataChanged = !before.Metadata.SequenceEqual(after.Metadata);
        var changed = (nameChanged ? 1 : 0) + (statusChanged ? 1 : 0) + (planChanged ? 1 : 0) + (configChanged ? 1 : 0) + (metadataChanged ? 1 : 0);
        var action = changed != 1 || nameChanged || metadataChanged ? AuditActions.OrganizationUpdate
            : statusChanged ? AuditActions.OrganizationStatusSet
            : planChanged ? AuditActions.OrganizationPlanSet
            : AuditActions.OrganizationConfigSet;
        var diff = new AuditDiff()
            .Value("name", before.Name, after.Name)
            .Value("status", TenancyNames.ToName(before.Status), TenancyNames.ToName(after.Status))
            .Value("plan", before.Plan, after.Plan);
        foreach (var key in before.Metadata.Keys.Union(after.Metadata.Keys).Order(StringComparer.Ordinal))
        {
            diff.Value("metadata/" + key, before.Metadata.GetValueOrDefault(key), after.Metadata.GetValueOrDefault(key));
        }

        diff.Document("/config", before.Config, after.Config);
        return Entry(action, after, after.Slug, diff);
    }

    /// <summary><c>org.delete</c>.</summary>
    /// <param name="organization">The organization deleted.</param>
    /// <param name="members">How many memberships went with it.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry OrganizationDeleted(Organization organization, int members)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var diff = new AuditDiff()
            .Value("name", organization.Name, null)
            .Value("status", TenancyNames.ToName(organization.Status), null)
            .Value("plan", organization.Plan, null)
            .Value("members", members, null);
        return Entry(AuditActions.OrganizationDelete, organization, organization.Slug, diff);
    }

    /// <summary><c>user.create</c>.</summary>
    /// <param name="user">The user created.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry UserCreated(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var diff = new AuditDiff().Value("email", null, user.Email).Value("name", null, user.Name);
        return new AuditEntry(AuditActions.UserCreate, null, null, user.Email, diff.ToJson());
    }

    /// <summary><c>user.update</c>.</summary>
    /// <param name="before">The user as stored before.</param>
    /// <param name="after">The user as written.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry UserUpdated(User before, User after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var diff = new AuditDiff()
            .Value("email", before.Email, after.Email)
            .Value("name", before.Name, after.Name)
            .Value("default_organization_id", before.DefaultOrganizationId, after.DefaultOrganizationId);
        return new AuditEntry(AuditActions.UserUpdate, null, null, after.Email, diff.ToJson());
    }

    /// <summary><c>member.set</c>: the role before (null for a new member) and after.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="user">The member.</param>
    /// <param name="before">The role before, or null.</param>
    /// <param name="after">The role written.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry MembershipSet(Organization organization, User user, MembershipRole? before, MembershipRole after)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(user);
        var diff = new AuditDiff().Always("role", before is { } b ? TenancyNames.ToName(b) : null, TenancyNames.ToName(after));
        return Entry(AuditActions.MemberSet, organization, user.Email, diff);
    }

    /// <summary><c>member.remove</c>.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="user">The former member.</param>
    /// <param name="role">The role they had.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry MembershipRemoved(Organization organization, User user, MembershipRole role)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(user);
        return Entry(AuditActions.MemberRemove, organization, user.Email, new AuditDiff().Always("role", TenancyNames.ToName(role), null));
    }

    internal static AuditEntry Entry(string action, Organization organization, string? target, AuditDiff diff) =>
        new(action, organization.Id, organization.Slug, target, diff.ToJson());
}
