using System.Globalization;
using System.Text.Json.Nodes;
using ConfigResolver.Commerce;
using ConfigResolver.Usage;

namespace ConfigResolver.Cli.Rendering;

/// <summary>JSON shapes and text lines of plans, teams, model groups, quotas and usage.</summary>
internal static class CommerceOutput
{
    public static Dictionary<string, object?> Plan(PlanDefinition plan, bool isDefault) => new()
    {
        ["name"] = plan.Name,
        ["display_name"] = plan.DisplayName,
        ["default"] = isDefault,
        ["limits"] = Limits(plan.Limits),
    };

    public static Dictionary<string, object?> Limits(PlanLimits limits) => new()
    {
        ["members"] = limits.Members,
        ["api_keys"] = limits.ApiKeys,
        ["teams"] = limits.Teams,
        ["api_calls_per_month"] = limits.ApiCallsPerMonth,
        ["tokens_per_month"] = limits.TokensPerMonth,
        ["storage_gb"] = limits.StorageGb,
        ["credits_per_month"] = limits.CreditsPerMonth,
        ["meters"] = limits.Meters,
        ["features"] = limits.Features,
    };

    public static Dictionary<string, object?> Team(Team team, IReadOnlyDictionary<Guid, string> emails) => new()
    {
        ["name"] = team.Name,
        ["default"] = team.IsDefault,
        ["members"] = team.Members.Select(id => emails.GetValueOrDefault(id, id.ToString("D"))).ToArray(),
        ["model_groups"] = team.ModelGroups,
        ["credits"] = team.Credits,
    };

    public static Dictionary<string, object?> Group(ModelGroup group) => new()
    {
        ["name"] = group.Name,
        ["models"] = group.Models.Select(static m => new Dictionary<string, object?> { ["model"] = m.Model, ["provider"] = m.Provider, ["priority"] = m.Priority }).ToArray(),
    };

    public static string Models(ModelGroup group) =>
        string.Join(", ", group.Models.Select(static m => (m.Provider is null ? m.Model : m.Model + "@" + m.Provider) + " (" + m.Priority.ToString(CultureInfo.InvariantCulture) + ")"));

    /// <summary>isA's quota shape, extended with the other counts and meters; null for unlimited.</summary>
    public static Dictionary<string, object?> Quotas(QuotaReport report)
    {
        var limits = report.Limits;
        var meters = report.Usage.Where(static c => c.Team is null).ToDictionary(static c => c.Meter, static c => new Dictionary<string, object?> { ["consumed"] = c.Consumed, ["leased"] = c.Leased });
        var teams = report.Usage.Where(static c => c.Team is not null)
            .GroupBy(static c => c.Team!)
            .ToDictionary(static g => g.Key, static g => g.ToDictionary(static c => c.Meter, static c => c.Used));
        return new()
        {
            ["organization"] = report.Organization,
            ["plan"] = report.Plan,
            ["quotas"] = new Dictionary<string, object?>
            {
                ["max_members"] = limits.Members,
                ["max_api_calls_per_month"] = limits.ApiCallsPerMonth,
                ["max_storage_gb"] = limits.StorageGb,
                ["credits_per_month"] = Decimal(limits.CreditsPerMonth),
                ["features"] = limits.Features,
                ["max_api_keys"] = limits.ApiKeys,
                ["max_teams"] = limits.Teams,
                ["max_tokens_per_month"] = limits.TokensPerMonth,
                ["meters"] = limits.Meters,
            },
            ["current_usage"] = new Dictionary<string, object?>
            {
                ["members"] = report.Counts.Members,
                ["api_calls_this_month"] = report.Used(PlanLimits.ApiCallsMeter),
                ["storage_used_gb"] = 0,
                ["pending_invitations"] = report.Counts.PendingInvitations,
                ["api_keys"] = report.Counts.ApiKeys,
                ["teams"] = report.Teams,
                ["tokens_this_month"] = report.Used(PlanLimits.TokensMeter),
                ["credits_this_month"] = Decimal(report.Used(PlanLimits.CreditsMeter)),
                ["meters"] = meters,
                ["teams_usage"] = teams,
            },
            ["period"] = report.Period,
            ["plan_applied"] = report.PlanApplied,
            ["forced"] = report.Forced,
        };
    }

    public static IEnumerable<string> QuotaLines(QuotaReport report)
    {
        var limits = report.Limits;
        yield return $"org '{report.Organization}': plan '{report.Plan}'" + (report.PlanApplied ? string.Empty : " (no plan applied: no quotas enforced)") + (report.Forced ? " (forced over its limits)" : string.Empty) + $"; usage for {report.Period} (UTC)";
        yield return Line("members", report.Counts.Seats, limits.Members) + (report.Counts.PendingInvitations > 0 ? $" ({report.Counts.PendingInvitations} pending invitations)" : string.Empty);
        yield return Line("api_keys", report.Counts.ApiKeys, limits.ApiKeys);
        yield return Line("teams", report.Teams, limits.Teams);
        yield return Line("api_calls", report.Used(PlanLimits.ApiCallsMeter), limits.ApiCallsPerMonth);
        yield return Line("tokens", report.Used(PlanLimits.TokensMeter), limits.TokensPerMonth);
        yield return Line("credits", report.Used(PlanLimits.CreditsMeter), limits.CreditsPerMonth);
        foreach (var (meter, limit) in limits.Meters)
        {
            yield return Line(meter, report.Used(meter), limit);
        }

        yield return "features: " + (limits.Features.IsEmpty ? "none" : string.Join(", ", limits.Features));
    }

    public static Dictionary<string, object?> Decision(string organization, string? team, string meter, long amount, UsageDecision decision) => new()
    {
        ["organization"] = organization,
        ["team"] = team,
        ["meter"] = meter,
        ["amount"] = amount,
        ["allowed"] = decision.Allowed,
        ["remaining"] = decision.Remaining,
    };

    private static string Line(string what, long used, long? limit) =>
        $"  {what}: {used.ToString(CultureInfo.InvariantCulture)} of {(limit is { } max ? max.ToString(CultureInfo.InvariantCulture) : "unlimited")}";

    // isA prints credits as a decimal number (1000.0); a parsed JSON number keeps its text when written.
    private static JsonNode? Decimal(long? value) =>
        value is { } number ? JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture) + ".0") : null;
}
