using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Validation;

namespace ConfigResolver.Commerce;

/// <summary>
/// The rules of plans, teams and model groups, shared by every store: each store reads the inputs in its write
/// transaction, calls these, and writes what they return, so every store refuses the same writes with the same codes.
/// </summary>
public static partial class CommerceRules
{
    /// <summary>The most teams or model groups an organization may have, whatever its plan (an input bound).</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Checks a command and computes what to write.</summary>
    /// <param name="command">The command.</param>
    /// <param name="inputs">What the store read in the transaction.</param>
    /// <returns>What to write.</returns>
    /// <exception cref="QuotaException">The command is refused; nothing may be written.</exception>
    public static CommerceOutcome Apply(CommerceCommand command, CommerceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(inputs);
        return command.Kind switch
        {
            CommerceCommandKind.SetPlan => SetPlan(command, inputs),
            CommerceCommandKind.CreateTeam => CreateTeam(command, inputs),
            CommerceCommandKind.DeleteTeam => DeleteTeam(command, inputs),
            CommerceCommandKind.AddTeamMember => ChangeTeamMember(command, inputs, adding: true),
            CommerceCommandKind.RemoveTeamMember => ChangeTeamMember(command, inputs, adding: false),
            CommerceCommandKind.CreateModelGroup => CreateModelGroup(command, inputs),
            CommerceCommandKind.AssignModelGroups => AssignModelGroups(command, inputs),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "Unknown command."),
        };
    }

    /// <summary>Refuses adding one seat (a member or an invitation) beyond the plan's members.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="state">Its state (the plan).</param>
    /// <param name="counts">What it has now.</param>
    /// <exception cref="QuotaException">The plan's members are all taken (QTA6001).</exception>
    public static void CheckSeat(string slug, CommerceState state, CommerceCounts counts)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Plan is { Limits.Members: { } limit } plan && counts.Seats >= limit)
        {
            throw new QuotaException(QuotaDiagnostics.LimitReached(QuotaDiagnosticCodes.MembersLimit, slug, "members", limit, counts.Seats, plan.Name));
        }
    }

    /// <summary>Refuses creating an API key beyond the plan's keys, or bound to a team the organization does not have.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="state">Its state (the plan, the teams).</param>
    /// <param name="counts">What it has now.</param>
    /// <param name="team">The team the key is bound to, or null.</param>
    /// <exception cref="QuotaException">The plan's keys are all taken (QTA6002), or the team is unknown (QTA6011).</exception>
    public static void CheckApiKey(string slug, CommerceState state, CommerceCounts counts, string? team = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (team is not null && state.FindTeam(team) is null)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.UnknownTeam, slug,
                $"unknown team {ValueDescriber.Quote(team)} for the API key; teams: {(state.Teams.IsEmpty ? "none" : string.Join(", ", state.Teams.Select(static t => ValueDescriber.Quote(t.Name))))}.", "/team"));
        }

        if (state.Plan is { Limits.ApiKeys: { } limit } plan && counts.ApiKeys >= limit)
        {
            throw new QuotaException(QuotaDiagnostics.LimitReached(QuotaDiagnosticCodes.ApiKeysLimit, slug, "api_keys", limit, counts.ApiKeys, plan.Name));
        }
    }

    private static CommerceOutcome SetPlan(CommerceCommand command, CommerceInputs inputs)
    {
        var organization = inputs.Organization;
        var plan = command.Plan ?? throw new ArgumentException("A plan command carries a plan.", nameof(command));
        var state = inputs.State;
        if (command.Team is { } defaultTeam)
        {
            CheckName(organization.Slug, "team", defaultTeam);
            state = state.FindTeam(defaultTeam) is null
                ? state with { Teams = state.Teams.Add(new Team(defaultTeam) { IsDefault = true, CreatedAt = command.At }) }
                : state;
        }

        var over = Exceeds(organization.Slug, plan, state, inputs.Counts);
        if (!over.IsEmpty && !command.Force)
        {
            throw new QuotaException(over);
        }

        var next = state with { Plan = plan with { Forced = !over.IsEmpty } };
        var updated = organization with { Plan = plan.Name, UpdatedAt = inputs.Now };
        var diff = new AuditDiff()
            .Value("plan", inputs.State.Plan?.Name ?? organization.Plan, plan.Name)
            .Value("forced", null, over.IsEmpty ? null : "true")
            .Value("exceeded", null, over.IsEmpty ? null : string.Join("; ", over.Select(static d => d.Message)))
            .Value("billing_email", inputs.State.Plan?.BillingEmail, plan.BillingEmail)
            .Value("stripe_customer_id", inputs.State.Plan?.StripeCustomerId, plan.StripeCustomerId)
            .Value("lago_customer_id", inputs.State.Plan?.LagoCustomerId, plan.LagoCustomerId)
            .Value("domain", inputs.State.Plan?.Domain, plan.Domain)
            .Value("default_team", null, command.Team);
        return new CommerceOutcome(
            next,
            updated,
            [TenantChange.OrganizationUpdated(updated)],
            new AuditEntry(AuditActions.OrganizationPlanSet, organization.Id, organization.Slug, plan.Name, diff.ToJson()));
    }

    /// <summary>Everything the organization has that the plan does not allow.</summary>
    private static ImmutableArray<Diagnostic> Exceeds(string slug, OrganizationPlan plan, CommerceState state, CommerceCounts counts)
    {
        var over = ImmutableArray.CreateBuilder<Diagnostic>();
        var limits = plan.Limits;
        Over("members", limits.Members, counts.Seats);
        Over("api_keys", limits.ApiKeys, counts.ApiKeys);
        Over("teams", limits.Teams, state.Teams.Length);
        Over("credits_allocated", limits.CreditsPerMonth, state.Teams.Sum(static t => t.Credits ?? 0));
        return over.ToImmutable();

        void Over(string what, long? limit, long used)
        {
            if (limit is { } max && used > max)
            {
                over.Add(QuotaDiagnostics.PlanExceeded(slug, plan.Name, what, max, used));
            }
        }
    }

    private static string Quote(string text) => ValueDescriber.Quote(text);
}
