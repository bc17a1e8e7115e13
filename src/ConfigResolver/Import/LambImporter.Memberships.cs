using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Import;

public sealed partial class LambImporter
{
    /// <summary>
    /// Explicit roles, plus LAMB's implicit <c>member</c> of a user's own organization; per organization, owners first,
    /// and a first admin promoted when the organization would otherwise have no owner. A second role row for the same
    /// user and organization is skipped (the first row counts).
    /// </summary>
    private async Task PlanMembershipsAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var roles = new Dictionary<(long Organization, long User), string?>();
        var repeated = new List<LambRoleRow>();
        foreach (var role in run.Export.Roles)
        {
            if (!roles.TryAdd((role.OrganizationId, role.UserId), role.Role))
            {
                repeated.Add(role);
            }
        }

        foreach (var user in run.Export.Users)
        {
            if (user.OrganizationId is { } organization)
            {
                roles.TryAdd((organization, user.Id), TenancyNames.ToName(MembershipRole.Member));
            }
        }

        foreach (var group in roles.GroupBy(static r => r.Key.Organization).OrderBy(static g => g.Key))
        {
            run.Organizations.TryGetValue(group.Key, out var organization);
            var planned = new List<PlannedMembership>();
            foreach (var ((_, userId), role) in group.OrderBy(static r => r.Key.User))
            {
                run.Users.TryGetValue(userId, out var user);
                var membership = new PlannedMembership(organization, user, Subject(organization, user, group.Key, userId));
                membership.Result = membership.Result with { Organization = organization?.Slug, Email = user?.Email, Role = role };
                planned.Add(membership);
                await PlanMembershipAsync(membership, role, cancellationToken).ConfigureAwait(false);
            }

            if (organization is not null)
            {
                await EnsureOwnerAsync(organization, planned, cancellationToken).ConfigureAwait(false);
            }

            run.Memberships.AddRange(planned.OrderBy(static m => m.Role == MembershipRole.Owner ? 0 : 1).ThenBy(static m => m.User?.Row.Id));
        }

        foreach (var role in repeated)
        {
            run.Organizations.TryGetValue(role.OrganizationId, out var organization);
            run.Users.TryGetValue(role.UserId, out var user);
            var membership = new PlannedMembership(organization, user, Subject(organization, user, role.OrganizationId, role.UserId));
            var first = roles[(role.OrganizationId, role.UserId)];
            membership.Result = membership.Result.Skip($"a second role row for this user in this organization; the first ({(first is null ? "none" : ValueDescriber.Quote(first))}) counts")
                with { Organization = organization?.Slug, Email = user?.Email, Role = role.Role };
            run.Memberships.Add(membership);
        }
    }

    private static string Subject(PlannedOrganization? organization, PlannedUser? user, long organizationId, long userId) =>
        $"{user?.Email ?? $"LAMB user {userId}"} in {organization?.Row.Slug ?? $"LAMB organization {organizationId}"}";

    private async Task PlanMembershipAsync(PlannedMembership membership, string? role, CancellationToken cancellationToken)
    {
        if (membership.Organization is not { } organization)
        {
            membership.Result = membership.Result.Skip("the LAMB organization does not exist");
        }
        else if (membership.User is not { } user)
        {
            membership.Result = membership.Result.Skip("the LAMB user does not exist");
        }
        else if (organization.Result.Outcome != LambImportOutcome.Imported)
        {
            membership.Result = membership.Result.Skip($"organization '{organization.Result.Subject}' is not imported");
        }
        else if (user.Result.Outcome != LambImportOutcome.Imported)
        {
            membership.Result = membership.Result.Skip($"the user is not imported ({user.Result.Reason})");
        }
        else if (role is not ("owner" or "admin" or "member") || !TenancyNames.TryParseRole(role, out var parsed))
        {
            membership.Result = membership.Result.Reject("unknown role", [Diagnostic.Mismatch(DiagnosticCodes.LambUnknownRole, null, "a role of 'owner', 'admin' or 'member'", role is null ? "none" : ValueDescriber.Quote(role))
                with { Where = TenancyDiagnostics.OrgSubject(organization.Row.Slug ?? organization.Slug) + " member " + ValueDescriber.Quote(user.Email!) }]);
        }
        else
        {
            membership.Role = parsed;
            if (organization.IsSystem && await FindMembershipAsync(organization.Slug, user.Email!, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                membership.Result = membership.Result.Skip($"already a member (role '{TenancyNames.ToName(existing.Role)}')");
            }
        }
    }

    /// <summary>Every organization with members has an owner: keep LAMB's, else promote the first admin, else refuse its memberships.</summary>
    private async Task EnsureOwnerAsync(PlannedOrganization organization, List<PlannedMembership> planned, CancellationToken cancellationToken)
    {
        var written = planned.Where(static m => m.Result.Outcome == LambImportOutcome.Imported).ToList();
        if (written.Count == 0 || written.Exists(static m => m.Role == MembershipRole.Owner) || await HasOwnerAsync(organization, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (written.Find(static m => m.Role == MembershipRole.Admin) is { } admin)
        {
            admin.Role = MembershipRole.Owner;
            admin.Result = admin.Result with { Role = "owner", Reason = "promoted from admin to owner: every organization here has an owner, and LAMB's has none" };
            return;
        }

        foreach (var membership in written)
        {
            membership.Result = membership.Result.Reject("no owner", [new Diagnostic(DiagnosticCodes.LambNoOwner,
                "the organization has members but no owner or admin who could become its owner; give one of them the owner or admin role in LAMB and import again.")
                { Where = TenancyDiagnostics.OrgSubject(organization.Row.Slug ?? organization.Slug) }]);
        }
    }

    private async Task<bool> HasOwnerAsync(PlannedOrganization organization, CancellationToken cancellationToken)
    {
        // Only the system organization can exist already with members; a new organization has none.
        if (!organization.IsSystem)
        {
            return false;
        }

        var system = await _store.FindOrganizationBySlugAsync(organization.Slug, cancellationToken).ConfigureAwait(false);
        return system is not null
            && (await _store.ListMembershipsOfOrganizationAsync(system.Id, cancellationToken).ConfigureAwait(false)).Any(static m => m.Role == MembershipRole.Owner);
    }

    private async Task<Membership?> FindMembershipAsync(string slug, string email, CancellationToken cancellationToken)
    {
        var organization = await _store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false);
        var user = await _store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        return organization is null || user is null ? null : await _store.GetMembershipAsync(organization.Id, user.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteMembershipAsync(PlannedMembership membership, CancellationToken cancellationToken)
    {
        if (membership.Organization!.Result.Outcome != LambImportOutcome.Imported || membership.User!.Result.Outcome == LambImportOutcome.Rejected)
        {
            membership.Result = membership.Result.Skip("its organization or user was refused by the store");
            return;
        }

        try
        {
            await _admin.SetMembershipAsync(membership.Organization.Slug, membership.User.Email!, membership.Role, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantValidationException e)
        {
            membership.Result = membership.Result.Reject("the store refused it", e.Diagnostics);
        }
    }
}
