using System.Collections.Immutable;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;
using ConfigResolver.Validation;

namespace ConfigResolver.Commerce;

/// <summary>
/// Plans, teams, model groups and quotas of organizations named by slug: resolves names, builds the command and lets the
/// store apply it (quota checks happen inside the store's transaction).
/// </summary>
/// <remarks>Safe for concurrent use; holds no state beyond its dependencies.</remarks>
public sealed partial class CommerceService
{
    private readonly ITenantStore _store;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store.</param>
    /// <param name="catalog">The plans organizations can be put on.</param>
    /// <param name="timeProvider">The clock (the month of usage, team creation times); the system clock when null.</param>
    public CommerceService(ITenantStore store, PlanCatalog catalog, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        _store = store;
        Catalog = catalog;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the plan catalog.</summary>
    public PlanCatalog Catalog { get; }

    /// <summary>The default team's name for an organization: <c>{slug}_default</c>.</summary>
    /// <param name="slug">The organization's slug.</param>
    /// <returns>The name.</returns>
    public static string DefaultTeamName(string slug) => slug + "_default";

    /// <summary>Sets up a new organization: applies a plan (when named) and creates its default team (unless opted out).</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="plan">The plan to apply, or null to enforce no quotas.</param>
    /// <param name="defaultTeam">The default team's name, or null for none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    /// <exception cref="QuotaException">Unknown plan (QTA6010) or malformed team name (QTA6017).</exception>
    public async Task<CommerceState> SetUpOrganizationAsync(string organizationSlug, string? plan, string? defaultTeam, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        if (plan is not null)
        {
            var definition = RequirePlan(organizationSlug, plan);
            return await _store.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, new OrganizationPlan(definition.Name, definition.Limits), force: false, now, defaultTeam), cancellationToken).ConfigureAwait(false);
        }

        return defaultTeam is null
            ? await _store.GetCommerceAsync(organization.Id, cancellationToken).ConfigureAwait(false)
            : await _store.ApplyCommerceAsync(CommerceCommand.CreateTeam(organization.Id, defaultTeam, null, now) with { IsDefaultTeam = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts an organization on a plan (an audited write); refused when the organization already exceeds it, unless forced.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="plan">The plan's name.</param>
    /// <param name="force">Apply even when the organization exceeds the plan (the plan is flagged <see cref="OrganizationPlan.Forced"/>).</param>
    /// <param name="billing">Billing fields to set (null keeps the current ones).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The organization's state.</returns>
    /// <exception cref="QuotaException">Unknown plan (QTA6010), or what exceeds it and by how much (QTA6004).</exception>
    public async Task<CommerceState> SetPlanAsync(string organizationSlug, string plan, bool force, OrganizationPlan? billing = null, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var definition = RequirePlan(organizationSlug, plan);
        var current = (await _store.GetCommerceAsync(organization.Id, cancellationToken).ConfigureAwait(false)).Plan;
        var applied = new OrganizationPlan(definition.Name, definition.Limits)
        {
            BillingEmail = billing?.BillingEmail ?? current?.BillingEmail,
            StripeCustomerId = billing?.StripeCustomerId ?? current?.StripeCustomerId,
            LagoCustomerId = billing?.LagoCustomerId ?? current?.LagoCustomerId,
            Domain = billing?.Domain ?? current?.Domain,
        };
        return await _store.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, applied, force, _timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an organization's limits and current usage (<c>cfgr quota show</c>).</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    public async Task<QuotaReport> GetQuotasAsync(string organizationSlug, CancellationToken cancellationToken = default)
    {
        var organization = await RequireOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var state = await _store.GetCommerceAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var period = UsageRules.PeriodOf(now);
        var members = await _store.ListMembershipsOfOrganizationAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        var invitations = await _store.ListInvitationsAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        var keys = await _store.ListApiKeysAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        return new QuotaReport(organization.Slug, state.Plan?.Name ?? organization.Plan, state.Plan is not null, state.Limits, period)
        {
            Counts = new CommerceCounts(members.Length, invitations.Count(i => i.IsOpenAt(now)), keys.Count(static k => k.RevokedAt is null)),
            Teams = state.Teams.Length,
            Forced = state.Plan?.Forced == true,
            Usage = await _store.ListUsageAsync(organization.Id, period, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Finds an organization by slug.</summary>
    /// <param name="organizationSlug">The slug.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    public async Task<Organization> RequireOrganizationAsync(string organizationSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationSlug);
        return await _store.FindOrganizationBySlugAsync(organizationSlug, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationSlug)]);
    }

    private PlanDefinition RequirePlan(string organizationSlug, string plan) =>
        Catalog.TryGet(plan, out var definition)
            ? definition
            : throw new QuotaException(QuotaDiagnostics.About(
                QuotaDiagnosticCodes.UnknownPlan,
                organizationSlug,
                $"unknown plan {ValueDescriber.Quote(plan)}; expected one of {string.Join(", ", Catalog.Plans.Select(static p => ValueDescriber.Quote(p.Name)))}.",
                "/plan"));

    private async Task<User> RequireUserAsync(string email, CancellationToken cancellationToken) =>
        await _store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
        ?? throw new TenantValidationException([TenancyDiagnostics.UnknownUser(email)]);

    private static ImmutableArray<string> Names(IEnumerable<string> names) => [.. names];
}
