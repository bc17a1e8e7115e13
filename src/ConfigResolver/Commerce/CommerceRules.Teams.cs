using System.Collections.Immutable;
using System.Globalization;
using ConfigResolver.Auditing;
using ConfigResolver.Storage;

namespace ConfigResolver.Commerce;

public static partial class CommerceRules
{
    /// <summary>Audit action of a team's creation.</summary>
    public const string TeamCreateAction = "team.create";

    /// <summary>Audit action of a team's deletion.</summary>
    public const string TeamDeleteAction = "team.delete";

    /// <summary>Audit action of adding a team member.</summary>
    public const string TeamMemberAddAction = "team.member.add";

    /// <summary>Audit action of removing a team member.</summary>
    public const string TeamMemberRemoveAction = "team.member.remove";

    /// <summary>Audit action of a model group's creation.</summary>
    public const string ModelGroupCreateAction = "modelgroup.create";

    /// <summary>Audit action of assigning model groups to a team.</summary>
    public const string ModelGroupAssignAction = "modelgroup.assign";

    /// <summary>Whether a team or model group name is well formed: 1-63 letters, digits, '_', '-' or '.', starting with a letter or digit.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 63 } && char.IsAsciiLetterOrDigit(name[0])
        && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static CommerceOutcome CreateTeam(CommerceCommand command, CommerceInputs inputs)
    {
        var (organization, state) = (inputs.Organization, inputs.State);
        var name = command.Team!;
        CheckName(organization.Slug, "team", name);
        if (state.FindTeam(name) is not null)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.DuplicateTeam, organization.Slug, $"team {Quote(name)} exists already.", "/teams/" + name));
        }

        if (state.Plan is { Limits.Teams: { } limit } plan && state.Teams.Length >= limit)
        {
            throw new QuotaException(QuotaDiagnostics.LimitReached(QuotaDiagnosticCodes.TeamsLimit, organization.Slug, "teams", limit, state.Teams.Length, plan.Name));
        }

        if (state.Teams.Length >= MaxEntries)
        {
            throw new QuotaException(QuotaDiagnostics.LimitReached(QuotaDiagnosticCodes.TeamsLimit, organization.Slug, "teams", MaxEntries, state.Teams.Length, state.Plan?.Name ?? organization.Plan));
        }

        if (command.Credits is { } credits)
        {
            var allocated = state.Teams.Sum(static t => t.Credits ?? 0);
            if (credits < 0 || (state.Limits.CreditsPerMonth is { } pool && allocated + credits > pool))
            {
                throw new QuotaException(QuotaDiagnostics.About(
                    QuotaDiagnosticCodes.CreditsAllocation,
                    organization.Slug,
                    credits < 0
                        ? $"credits: expected a non-negative allocation; found {credits.ToString(CultureInfo.InvariantCulture)}."
                        : $"credits: allocating {credits} would exceed the plan's {state.Limits.CreditsPerMonth} credits per month ({allocated} already allocated to teams).",
                    "/teams/" + name + "/credits"));
            }
        }

        var team = new Team(name) { IsDefault = command.IsDefaultTeam, Credits = command.Credits, CreatedAt = command.At };
        var diff = new AuditDiff().Value("name", null, name).Value("credits", null, command.Credits?.ToString(CultureInfo.InvariantCulture));
        return Teams(inputs, state with { Teams = state.Teams.Add(team) }, TeamCreateAction, name, diff);
    }

    private static CommerceOutcome DeleteTeam(CommerceCommand command, CommerceInputs inputs)
    {
        var team = RequireTeam(inputs, command.Team!);
        if (team.IsDefault)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.DefaultTeam, inputs.Organization.Slug, $"team {Quote(team.Name)} is the organization's default team and cannot be deleted.", "/teams/" + team.Name));
        }

        var diff = new AuditDiff().Value("name", team.Name, null).Value("members", team.Members.Length.ToString(CultureInfo.InvariantCulture), null);
        return Teams(inputs, inputs.State with { Teams = inputs.State.Teams.Remove(team) }, TeamDeleteAction, team.Name, diff);
    }

    private static CommerceOutcome ChangeTeamMember(CommerceCommand command, CommerceInputs inputs, bool adding)
    {
        var slug = inputs.Organization.Slug;
        var team = RequireTeam(inputs, command.Team!);
        var userId = command.UserId ?? throw new ArgumentException("A team membership command names a user.", nameof(command));
        var user = Quote(command.UserLabel ?? userId.ToString("D"));
        if (adding && !inputs.SubjectIsMember)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.NotOrganizationMember, slug, $"user {user} is not a member of org {Quote(slug)}; add them to the organization first.", "/teams/" + team.Name + "/members"));
        }

        if (team.Members.Contains(userId) == adding)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.TeamMembership, slug, $"user {user} is {(adding ? "already" : "not")} a member of team {Quote(team.Name)}.", "/teams/" + team.Name + "/members"));
        }

        var next = team with { Members = adding ? team.Members.Add(userId) : team.Members.Remove(userId) };
        var diff = new AuditDiff().Value("user_id", adding ? null : userId, adding ? userId : null);
        return Teams(inputs, inputs.State with { Teams = inputs.State.Teams.Replace(team, next) }, adding ? TeamMemberAddAction : TeamMemberRemoveAction, team.Name, diff);
    }

    private static CommerceOutcome CreateModelGroup(CommerceCommand command, CommerceInputs inputs)
    {
        var (slug, state) = (inputs.Organization.Slug, inputs.State);
        var group = command.ModelGroup ?? throw new ArgumentException("A model group command carries a group.", nameof(command));
        CheckName(slug, "model group", group.Name);
        if (group.Models.IsDefaultOrEmpty || group.Models.Any(static m => string.IsNullOrWhiteSpace(m.Model)))
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.InvalidName, slug, $"model group {Quote(group.Name)}: expected at least one model, each with a name.", "/model_groups/" + group.Name + "/models"));
        }

        if (state.FindModelGroup(group.Name) is not null)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.DuplicateModelGroup, slug, $"model group {Quote(group.Name)} exists already.", "/model_groups/" + group.Name));
        }

        if (state.ModelGroups.Length >= MaxEntries)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.InvalidName, slug, $"model groups: at most {MaxEntries} per organization.", "/model_groups"));
        }

        var models = string.Join(",", group.Models.Select(static m => (m.Provider is null ? m.Model : m.Model + "@" + m.Provider) + " (" + m.Priority.ToString(CultureInfo.InvariantCulture) + ")"));
        var diff = new AuditDiff().Value("name", null, group.Name).Value("models", null, models);
        return Teams(inputs, state with { ModelGroups = state.ModelGroups.Add(group) }, ModelGroupCreateAction, group.Name, diff);
    }

    private static CommerceOutcome AssignModelGroups(CommerceCommand command, CommerceInputs inputs)
    {
        var slug = inputs.Organization.Slug;
        var team = RequireTeam(inputs, command.Team!);
        var unknown = command.ModelGroups.Where(g => inputs.State.FindModelGroup(g) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new QuotaException([.. unknown.Select(g => QuotaDiagnostics.About(QuotaDiagnosticCodes.UnknownModelGroup, slug, $"unknown model group {Quote(g)}.", "/model_groups/" + g))]);
        }

        var groups = command.ModelGroups.Distinct(StringComparer.Ordinal).ToImmutableArray();
        var diff = new AuditDiff().Value("model_groups", team.ModelGroups, groups);
        return Teams(inputs, inputs.State with { Teams = inputs.State.Teams.Replace(team, team with { ModelGroups = groups }) }, ModelGroupAssignAction, team.Name, diff);
    }

    private static Team RequireTeam(CommerceInputs inputs, string name) =>
        inputs.State.FindTeam(name)
        ?? throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.UnknownTeam, inputs.Organization.Slug, $"unknown team {Quote(name)}; teams: {(inputs.State.Teams.IsEmpty ? "none" : string.Join(", ", inputs.State.Teams.Select(static t => Quote(t.Name))))}.", "/teams/" + name));

    private static void CheckName(string slug, string what, string name)
    {
        if (!IsValidName(name))
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.InvalidName, slug, $"{what} name: expected 1-63 letters, digits, '_', '-' or '.', starting with a letter or digit; found {Quote(name)}."));
        }
    }

    private static CommerceOutcome Teams(CommerceInputs inputs, CommerceState next, string action, string target, AuditDiff diff) =>
        new(next, null, [TenantChange.TeamsChanged(inputs.Organization)], new AuditEntry(action, inputs.Organization.Id, inputs.Organization.Slug, target, diff.ToJson()));
}
