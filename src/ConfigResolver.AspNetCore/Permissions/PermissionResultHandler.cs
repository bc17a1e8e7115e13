using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Turns a refused permission into problem details (403 with <c>reason</c> and <c>rule</c>, 404 unknown organization,
/// 401 no user); every other authorization result is handled as ASP.NET Core does by default.
/// </summary>
internal sealed class PermissionResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failure = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<PermissionFailure>().FirstOrDefault();
        if (failure is null)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        return Problems.WriteAsync(context, failure.Status, failure.Title, failure.Message,
            ("reason", failure.Reason), ("rule", failure.Rule), ("revision", failure.Revision));
    }
}
