using ConfigResolver.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Decides a <see cref="PermissionRequirement"/>: finds the organization (404 when unknown or absent), maps the user
/// (401 when there is none), checks, and on a denial fails with the reason code and deciding rule (403). The failure
/// texts come from the decision's explanation, which never holds a secret.
/// </summary>
internal sealed class PermissionHandler(TenantAccessor tenants, PrincipalMapper principals, IAuthorizationChecker checker)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            context.Fail(new PermissionFailure(this, 500, "Not an HTTP request", "RequirePermission needs endpoint routing (the resource is the HttpContext).", "no_http_context"));
            return;
        }

        var tenant = await tenants.GetAsync(http).ConfigureAwait(false);
        if (tenant.Config is null)
        {
            context.Fail(tenant.IsUnknown
                ? new PermissionFailure(this, 404, "Unknown organization", $"there is no organization '{tenant.Slug}'.", "unknown_organization")
                : new PermissionFailure(this, 404, "No organization", "the request names no organization (route value, header, host or claim).", "no_organization"));
            return;
        }

        var principal = await principals.MapAsync(context.User, http.RequestAborted).ConfigureAwait(false);
        if (principal is null)
        {
            context.Fail(new PermissionFailure(this, 401, "Unauthorized", "the request has no known user.", "no_user"));
            return;
        }

        var resource = requirement.Resource is { } pattern && pattern.Contains('{', StringComparison.Ordinal) ? Expand(pattern, http) : requirement.Resource;
        var decision = checker.Check(principal, tenant.Config.OrganizationSlug, requirement.Action, resource);
        if (decision.Allowed)
        {
            context.Succeed(requirement);
            return;
        }

        var (code, explanation) = DecisionReasons.Of(decision);
        var rule = explanation!.Rules.FirstOrDefault(static r => r.Effect == "deny") ?? explanation.Rules.FirstOrDefault();
        context.Fail(new PermissionFailure(
            this, 403, "Forbidden", explanation.WhyNot ?? $"'{requirement.Action}' is not granted.", code, rule is null ? null : $"{rule.Package}/{rule.Name}", decision.Revision));
    }

    private static string Expand(string pattern, HttpContext http)
    {
        var values = http.Request.RouteValues;
        var result = pattern;
        foreach (var (name, value) in values)
        {
            result = result.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return result;
    }
}
