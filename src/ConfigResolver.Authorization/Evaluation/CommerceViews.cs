using ConfigResolver.Authorization.Facts;
using ConfigResolver.Policy;
using ConfigResolver.Usage;

namespace ConfigResolver.Authorization.Evaluation;

/// <summary>
/// The <c>team</c> variable: the request's team (<see cref="CheckContext.Team"/>, else the API key's team) as
/// <c>name</c> (<c>''</c> for none), <c>is_default</c>, <c>credits</c>, <c>model_groups</c>, <c>member</c> (whether the
/// caller's user belongs to it), and the caller's teams in the organization as <c>teams</c>.
/// </summary>
internal sealed class TeamView(string? name, TeamFacts? team, string[] callerTeams, Guid? user) : IAttributeSource
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;
    private static readonly string[] s_none = [];

    public bool TryGetAttribute(string attribute, out object? value)
    {
        value = attribute switch
        {
            "name" => name ?? string.Empty,
            "exists" => team is not null ? s_true : s_false,
            "is_default" => team?.IsDefault ?? s_false,
            "credits" => team?.Credits,
            "model_groups" => team?.ModelGroups ?? s_none,
            "member" => team is not null && user is { } id && team.Members.Contains(id) ? s_true : s_false,
            "teams" => callerTeams,
            _ => null,
        };
        return value is not null;
    }
}

/// <summary>
/// The <c>usage</c> variable: this month's units used per meter (<c>usage.credits</c>, <c>usage.api_calls</c>, any meter
/// by name) of the organization, or of the request's team under <c>usage.team.*</c>, from the configured
/// <see cref="IUsageReader"/>. A counter the reader does not know reads as 0 (a <see cref="UsageMeter"/> learns a counter at its
/// first consumption, which the store itself limits); without a reader every value is null, so a rule comparing it
/// fails (closed, for a deny rule).
/// </summary>
internal sealed class UsageView(IUsageReader? reader, Guid organizationId, string? team, bool teamCounter = false) : IAttributeSource
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name == "team"
            ? team is null || teamCounter ? null : new UsageView(reader, organizationId, team, teamCounter: true)
            : reader is null ? null : reader.GetUsed(organizationId, teamCounter ? team : null, name) ?? 0L;
        return value is not null;
    }
}
