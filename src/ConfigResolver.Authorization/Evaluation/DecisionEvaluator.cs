using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Facts;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Evaluation;

/// <summary>
/// Stage 4 (Evaluate): the combination, in this order. (1) An unknown organization, or an API key used outside its
/// organization, is denied. (2) Any deny rule that holds (base packages, then the organization's overlay) denies:
/// deny overrides everything. (3) An API key whose scopes do not cover the action is denied. (4) The role/scope grant
/// (the engine's RBAC-with-domains check on the user's membership, or on the platform role for platform
/// administrators; for a key without a user, its scopes) allows. (5) An allow rule that holds allows. (6) A base
/// package with <c>default: allow</c> that selects the request allows. (7) Otherwise deny.
/// </summary>
internal static partial class DecisionEvaluator
{
    public static bool Evaluate(AuthorizationSnapshot snapshot, Principal principal, string org, string action, string resource, CheckContext? context, ExplanationBuilder? trace)
    {
        if (!snapshot.Facts.TryGet(org, out var organization))
        {
            trace?.Reason($"organization '{org}' does not exist");
            trace?.WhyNot($"there is no organization '{org}'");
            return false;
        }

        if (principal.ApiKeyOrganization is { } keyOrg && keyOrg != org)
        {
            trace?.Reason($"{principal} cannot be used in organization '{org}'");
            trace?.WhyNot($"the API key belongs to organization '{keyOrg}'");
            return false;
        }

        var run = new Run(snapshot, principal, organization, action, resource, context, trace);
        var policy = snapshot.Policy;
        var overlay = policy.Overlays.TryGetValue(org, out var rules) ? rules : default;
        var denied = run.AnyDenyHolds(policy.BaseDenyRules);
        if ((!denied || trace is not null) && overlay.Deny is not null)
        {
            denied |= run.AnyDenyHolds(overlay.Deny);
        }

        if (denied)
        {
            return false;
        }

        if (!principal.Covers(action))
        {
            trace?.Reason($"{principal} has no scope covering '{action}'");
            trace?.WhyNot($"missing API-key scope: '{action}' is not covered by {RolesCompiler.Quote(principal.Scopes)}");
            return false;
        }

        if (run.Granted())
        {
            return true;
        }

        if (run.AnyAllowHolds(policy.BaseAllowRules) || (overlay.Allow is not null && run.AnyAllowHolds(overlay.Allow)))
        {
            return true;
        }

        foreach (var package in policy.DefaultAllowPackages)
        {
            if (package.Applies(action, resource))
            {
                trace?.Reason($"package '{package.Name}' ({package.File}) selects the request and its default is allow");
                return true;
            }
        }

        run.ExplainMissingGrant();
        return false;
    }

    /// <summary>One evaluation's state: builds the condition values once, the first time a rule selects the request.</summary>
    private sealed partial class Run(AuthorizationSnapshot snapshot, Principal principal, OrgFacts organization, string action, string resource, CheckContext? context, ExplanationBuilder? trace)
    {
        private readonly RoleInfo? _role = principal.UserId is { } user && organization.Members.TryGetValue(user, out var held)
            ? snapshot.Policy.RoleSet.Roles.GetValueOrDefault(TenancyNames.ToName(held))
            : null;

        private readonly bool _platformAdmin = principal.UserId is { } u && snapshot.Facts.PlatformAdmins.Contains(u);
        private object?[]? _values;

        private object?[] Values => _values ??=
        [
            new PrincipalView(principal, _role?.Name, _role?.EffectiveRoleArray ?? [], _platformAdmin),
            organization,
            action,
            new ResourceView(resource, context?.ResourceAttributes),
            new ContextView(context?.Time ?? snapshot.TimeProvider.GetUtcNow(), context?.ClientIp),
            organization.Config,
        ];

        public bool AnyDenyHolds(CompiledRule[] rules)
        {
            var fired = false;
            foreach (var rule in rules)
            {
                if (!rule.Selects(action, resource) || !rule.Holds(Values, out var error))
                {
                    continue;
                }

                if (trace is null)
                {
                    return true;
                }

                fired = true;
                var reason = error ?? rule.Reason?.Render(Values) ?? $"denied by rule '{rule.Name}'";
                trace.Rule(rule, reason);
                trace.Reason(reason);
                trace.WhyNot($"deny rule '{rule.Name}' of package '{rule.Package}' ({rule.File}:{rule.Line}:{rule.Column}) fired: {reason}");
            }

            return fired;
        }

        public bool AnyAllowHolds(CompiledRule[] rules)
        {
            foreach (var rule in rules)
            {
                if (rule.Selects(action, resource) && rule.Holds(Values, out _))
                {
                    var reason = trace is null ? null : rule.Reason?.Render(Values) ?? $"allowed by rule '{rule.Name}'";
                    trace?.Rule(rule, reason);
                    trace?.Reason(reason!);
                    return true;
                }
            }

            return false;
        }
    }
}
