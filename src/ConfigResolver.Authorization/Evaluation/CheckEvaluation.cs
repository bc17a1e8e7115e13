using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Facts;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Authorization.Evaluation;

/// <summary>
/// One evaluation of one check, on the stack. <see cref="Evaluate"/> runs the combination, in this order.
/// (1) An unknown organization, or an API key used outside its organization, is denied. (2) Any deny rule that holds
/// (base packages, then the organization's overlay) denies: deny overrides everything. (3) An API key whose scopes do
/// not cover the action is denied. (4) The role/scope grant (the engine's RBAC-with-domains check on the user's
/// membership, or on the platform role for platform administrators; for a key without a user, its scopes) allows.
/// (5) An allow rule that holds allows. (6) A base package with <c>default: allow</c> that selects the request allows.
/// (7) Otherwise deny.
/// </summary>
/// <remarks>
/// The condition values live in <see cref="ConditionValues"/> inside this struct and are filled slot by slot, the
/// first time a condition reads one; an evaluation that reads no object-valued variable allocates nothing.
/// </remarks>
internal ref partial struct CheckEvaluation
{
    private readonly AuthorizationSnapshot _snapshot;
    private readonly CompiledPolicy _policy;
    private readonly Principal _principal;
    private readonly OrgFacts _organization;
    private readonly string _action;
    private readonly string _resource;
    private readonly CheckContext? _context;
    private readonly DateTimeOffset? _time;
    private readonly ExplanationBuilder? _trace;
    private readonly RoleInfo? _role;

    // Condition values, filled slot by slot (bit i of _filled for slot i), and the platform-administrator flag, read once.
    private ConditionValues _values;
    private ulong _filled;
    private bool? _platformAdmin;

    private CheckEvaluation(AuthorizationSnapshot snapshot, Principal principal, OrgFacts organization, string action, string resource,
        CheckContext? context, DateTimeOffset? time, ExplanationBuilder? trace)
    {
        _snapshot = snapshot;
        _policy = snapshot.Policy;
        _principal = principal;
        _organization = organization;
        _action = action;
        _resource = resource;
        _context = context;
        _time = time;
        _trace = trace;
        _role = principal.UserId is { } user && organization.Members.TryGetValue(user, out var held) ? _policy.RoleSet.OfMembership[(int)held] : null;
    }

    /// <summary>Decides a request on one snapshot; with a trace, also collects why.</summary>
    /// <param name="snapshot">The snapshot that answers.</param>
    /// <param name="principal">Who asks.</param>
    /// <param name="org">The organization's slug.</param>
    /// <param name="action">The action.</param>
    /// <param name="resource">The resource, empty for none.</param>
    /// <param name="context">The check's context, or null.</param>
    /// <param name="time">The instant conditions see (<c>context.time</c>, <c>timeMatch</c>); null when the rule set reads no time.</param>
    /// <param name="trace">Collects the explanation, or null on the check path.</param>
    /// <returns>Whether the request is allowed.</returns>
    public static bool Evaluate(AuthorizationSnapshot snapshot, Principal principal, string org, string action, string resource,
        CheckContext? context, DateTimeOffset? time, ExplanationBuilder? trace)
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

        var evaluation = new CheckEvaluation(snapshot, principal, organization, action, resource, context, time, trace);
        return evaluation.Decide();
    }

    private bool Decide()
    {
        var policy = _policy;
        var overlay = policy.Overlays.Count > 0 && policy.Overlays.TryGetValue(_organization.Slug, out var rules) ? rules : default;
        var denied = AnyDenyHolds(policy.BaseDenyRules);
        if ((!denied || _trace is not null) && overlay.Deny is not null)
        {
            denied |= AnyDenyHolds(overlay.Deny);
        }

        if (denied)
        {
            return false;
        }

        if (!_principal.Covers(_action))
        {
            _trace?.Reason($"{_principal} has no scope covering '{_action}'");
            _trace?.WhyNot($"missing API-key scope: '{_action}' is not covered by {RolesCompiler.Quote(_principal.Scopes)}");
            return false;
        }

        if (Granted())
        {
            return true;
        }

        if (AnyAllowHolds(policy.BaseAllowRules) || (overlay.Allow is not null && AnyAllowHolds(overlay.Allow)))
        {
            return true;
        }

        foreach (var package in policy.DefaultAllowPackages)
        {
            if (package.Applies(_action, _resource))
            {
                _trace?.Reason($"package '{package.Name}' ({package.File}) selects the request and its default is allow");
                return true;
            }
        }

        ExplainMissingGrant();
        return false;
    }

    private bool AnyDenyHolds(CompiledRule[] rules)
    {
        var fired = false;
        foreach (var rule in rules)
        {
            if (!rule.Selects(_action, _resource) || !Holds(rule, out var error))
            {
                continue;
            }

            if (_trace is null)
            {
                return true;
            }

            fired = true;
            var reason = error ?? rule.Reason?.Render(AllVariables()) ?? $"denied by rule '{rule.Name}'";
            _trace.Rule(rule, reason);
            _trace.Reason(reason);
            _trace.WhyNot($"deny rule '{rule.Name}' of package '{rule.Package}' ({rule.File}:{rule.Line}:{rule.Column}) fired: {reason}");
        }

        return fired;
    }

    private bool AnyAllowHolds(CompiledRule[] rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Selects(_action, _resource) && Holds(rule, out _))
            {
                if (_trace is not null)
                {
                    var reason = rule.Reason?.Render(AllVariables()) ?? $"allowed by rule '{rule.Name}'";
                    _trace.Rule(rule, reason);
                    _trace.Reason(reason);
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every condition of the rule holds. A condition that cannot be evaluated (a missing attribute, a function
    /// that rejects its input) makes the rule hold if it denies and not hold if it allows: errors fail closed.
    /// </summary>
    private bool Holds(CompiledRule rule, out string? error)
    {
        error = null;
        var conditions = rule.Conditions;
        var reads = rule.Reads;
        for (var i = 0; i < conditions.Length; i++)
        {
            var condition = conditions[i];
            try
            {
                if (!EvaluateCondition(condition, reads[i]))
                {
                    return false;
                }
            }
            catch (PolicyEvaluationException e)
            {
                error = $"condition '{condition.Text}' could not be evaluated: {e.Message}";
                return rule.IsDeny;
            }
        }

        return true;
    }
}
