using Microsoft.AspNetCore.Authentication;
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

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && policy.Requirements.OfType<PermissionRequirement>().Any())
        {
            // ASP.NET Core drops the failure reasons of an unauthenticated request: it is a challenge. Let the
            // authentication scheme add what it adds (WWW-Authenticate), then say why in the body.
            await context.ChallengeAsync().ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                await Problems.WriteAsync(context, 401, "Unauthorized", "the request has no known user.", ("reason", "no_user")).ConfigureAwait(false);
            }

            return;
        }

        var failure = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<PermissionFailure>().FirstOrDefault();
        if (failure is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        await Problems.WriteAsync(context, failure.Status, failure.Title, failure.Message,
            ("reason", failure.Reason), ("rule", failure.Rule), ("revision", failure.Revision)).ConfigureAwait(false);
    }
}
