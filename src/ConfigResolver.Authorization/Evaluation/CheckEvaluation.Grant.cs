using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Policy;

namespace ConfigResolver.Authorization.Evaluation;

internal ref partial struct CheckEvaluation
{
    /// <summary>The role/scope grant, through the engine snapshot this authorization snapshot was built with.</summary>
    private bool Granted()
    {
        var roles = _policy.RoleSet;
        if (!roles.ScopeParts.TryGetValue(_action, out var parts))
        {
            return false;
        }

        if (_principal.IsApiKey && _principal.UserId is null)
        {
            _trace?.Reason($"{_principal} carries a scope covering '{_action}'");
            return true;
        }

        if (_role is not null && _principal.Subject is { } subject)
        {
            if (_snapshot.Engine.Enforce(subject, _organization.Slug, parts.Resource, parts.Verb))
            {
                // The explanation's strings are built only when one is asked for: a check allocates none of them.
                if (_trace is not null)
                {
                    ExplainGrant(_trace, _role, $"role '{_role.Name}' in organization '{_organization.Slug}' grants '{_action}'", subject, parts);
                }

                return true;
            }
        }

        if (PlatformAdmin && roles.PlatformRole is { } platform
            && _snapshot.Engine.Enforce(platform.Subject, _organization.Slug, parts.Resource, parts.Verb))
        {
            if (_trace is not null)
            {
                ExplainGrant(_trace, platform, $"platform administrators hold role '{platform.Name}' in every organization, and it grants '{_action}'", null, parts);
            }

            return true;
        }

        return false;
    }

    private void ExplainMissingGrant()
    {
        if (_trace is null)
        {
            return;
        }

        var roles = _policy.RoleSet;
        var who = _principal.IsApiKey ? _principal.ToString() : $"user {_principal.UserId:D}";
        if (!roles.RolesGranting.TryGetValue(_action, out var granting))
        {
            _trace.Reason($"'{_action}' is not a declared scope, so no role grants it, and no allow rule matched");
            _trace.WhyNot($"no role can grant '{_action}': it is not among the declared scopes in {roles.File}");
            return;
        }

        var grantedBy = granting.IsEmpty ? "no role" : "role " + RolesCompiler.Quote(granting);
        if (_role is null && !PlatformAdmin)
        {
            _trace.Reason($"{who} is not a member of organization '{_organization.Slug}' and no allow rule matched");
            _trace.WhyNot($"missing membership: '{_action}' needs a membership in '{_organization.Slug}' with {grantedBy}");
            return;
        }

        var held = _role is null ? "no role" : $"role '{_role.Name}'";
        _trace.Reason($"{who} has {held} in organization '{_organization.Slug}', which does not grant '{_action}', and no allow rule matched");
        _trace.WhyNot($"missing role: '{_action}' is granted to {grantedBy}; {who} has {held}");
    }

    private readonly void ExplainGrant(ExplanationBuilder trace, RoleInfo role, string reason, string? subject, (string Resource, string Verb) parts)
    {
        trace.Reason(reason);
        if (subject is not null)
        {
            trace.Line($"g, {subject}, {role.Subject}, {_organization.Slug}");
        }

        var deciding = _snapshot.Engine.EnforceEx(EnforceContext.Default, role.Subject, _organization.Slug, parts.Resource, parts.Verb).Explain;
        trace.Line(deciding.IsEmpty ? $"p, {role.Subject}, *, {parts.Resource}, {parts.Verb}" : "p, " + string.Join(", ", deciding));
        if (role.Grants.TryGetValue(_action, out var origin))
        {
            var via = origin.Role == role.Name ? string.Empty : $" of role '{origin.Role}', which '{role.Name}' inherits,";
            trace.Reason($"'{_action}' comes from the scope '{origin.Pattern}'{via} at {origin.Where}");
        }
    }
}
