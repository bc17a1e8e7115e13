using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Policy;

namespace ConfigResolver.Authorization.Evaluation;

internal static partial class DecisionEvaluator
{
    private sealed partial class Run
    {
        /// <summary>The role/scope grant, through the engine snapshot this authorization snapshot was built with.</summary>
        public bool Granted()
        {
            var roles = snapshot.Policy.RoleSet;
            if (!roles.ScopeParts.TryGetValue(action, out var parts))
            {
                return false;
            }

            if (principal.IsApiKey && principal.UserId is null)
            {
                trace?.Reason($"{principal} carries a scope covering '{action}'");
                return true;
            }

            if (_role is not null && principal.Subject is { } subject)
            {
                if (snapshot.Engine.Enforce(subject, organization.Slug, parts.Resource, parts.Verb))
                {
                    ExplainGrant(_role, $"role '{_role.Name}' in organization '{organization.Slug}' grants '{action}'", subject, parts);
                    return true;
                }
            }

            if (_platformAdmin && roles.PlatformRole is { } platform
                && snapshot.Engine.Enforce(platform.Subject, organization.Slug, parts.Resource, parts.Verb))
            {
                ExplainGrant(platform, $"platform administrators hold role '{platform.Name}' in every organization, and it grants '{action}'", null, parts);
                return true;
            }

            return false;
        }

        public void ExplainMissingGrant()
        {
            if (trace is null)
            {
                return;
            }

            var roles = snapshot.Policy.RoleSet;
            var who = principal.IsApiKey ? principal.ToString() : $"user {principal.UserId:D}";
            if (!roles.RolesGranting.TryGetValue(action, out var granting))
            {
                trace.Reason($"'{action}' is not a declared scope, so no role grants it, and no allow rule matched");
                trace.WhyNot($"no role can grant '{action}': it is not among the declared scopes in {roles.File}");
                return;
            }

            var grantedBy = granting.IsEmpty ? "no role" : "role " + RolesCompiler.Quote(granting);
            if (_role is null && !_platformAdmin)
            {
                trace.Reason($"{who} is not a member of organization '{organization.Slug}' and no allow rule matched");
                trace.WhyNot($"missing membership: '{action}' needs a membership in '{organization.Slug}' with {grantedBy}");
                return;
            }

            var held = _role is null ? "no role" : $"role '{_role.Name}'";
            trace.Reason($"{who} has {held} in organization '{organization.Slug}', which does not grant '{action}', and no allow rule matched");
            trace.WhyNot($"missing role: '{action}' is granted to {grantedBy}; {who} has {held}");
        }

        private void ExplainGrant(RoleInfo role, string reason, string? subject, (string Resource, string Verb) parts)
        {
            if (trace is null)
            {
                return;
            }

            trace.Reason(reason);
            if (subject is not null)
            {
                trace.Line($"g, {subject}, {role.Subject}, {organization.Slug}");
            }

            var deciding = snapshot.Engine.EnforceEx(EnforceContext.Default, role.Subject, organization.Slug, parts.Resource, parts.Verb).Explain;
            trace.Line(deciding.IsEmpty ? $"p, {role.Subject}, *, {parts.Resource}, {parts.Verb}" : "p, " + string.Join(", ", deciding));
            if (role.Grants.TryGetValue(action, out var origin))
            {
                var via = origin.Role == role.Name ? string.Empty : $" of role '{origin.Role}', which '{role.Name}' inherits,";
                trace.Reason($"'{action}' comes from the scope '{origin.Pattern}'{via} at {origin.Where}");
            }
        }
    }
}
