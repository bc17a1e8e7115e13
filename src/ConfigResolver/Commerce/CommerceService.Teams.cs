namespace ConfigResolver.Commerce;

public sealed partial class CommerceService
{
    /// <summary>Reads an organization's plan, teams and model groups.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The state.</returns>
    public async Task<CommerceState> GetAsync(string organizationSlug, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        return await _store.GetCommerceAsync(organization.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a team; refused beyond the plan's teams (QTA6003) or credits (QTA6005).</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="team">The team's name.</param>
    /// <param name="credits">Its monthly credit allocation, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    public async Task<CommerceState> CreateTeamAsync(string organizationSlug, string team, long? credits = null, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        return await _store.ApplyCommerceAsync(CommerceCommand.CreateTeam(organization.Id, team, credits, _timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a team (not the default team, QTA6016).</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    public async Task<CommerceState> DeleteTeamAsync(string organizationSlug, string team, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        return await _store.ApplyCommerceAsync(CommerceCommand.DeleteTeam(organization.Id, team), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a member of the organization to a team (QTA6013 when they are not a member of the organization).</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    public async Task<CommerceState> AddTeamMemberAsync(string organizationSlug, string team, string email, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var user = await RequireUserAsync(email, cancellationToken).ConfigureAwait(false);
        return await _store.ApplyCommerceAsync(CommerceCommand.AddTeamMember(organization.Id, team, user.Id) with { UserLabel = user.Email }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a member from a team.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    public async Task<CommerceState> RemoveTeamMemberAsync(string organizationSlug, string team, string email, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var user = await RequireUserAsync(email, cancellationToken).ConfigureAwait(false);
        return await _store.ApplyCommerceAsync(CommerceCommand.RemoveTeamMember(organization.Id, team, user.Id) with { UserLabel = user.Email }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a model group.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="group">The group.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    public async Task<CommerceState> CreateModelGroupAsync(string organizationSlug, ModelGroup group, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        return await _store.ApplyCommerceAsync(CommerceCommand.CreateModelGroup(organization.Id, group), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets a team's model groups, in priority order.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="groups">The groups (empty: the team may use every model).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    public async Task<CommerceState> AssignModelGroupsAsync(string organizationSlug, string team, IEnumerable<string> groups, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        return await _store.ApplyCommerceAsync(CommerceCommand.AssignModelGroups(organization.Id, team, Names(groups)), cancellationToken).ConfigureAwait(false);
    }
}
