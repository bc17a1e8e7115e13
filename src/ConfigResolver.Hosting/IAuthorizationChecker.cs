using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary>Decides one request: what a request handler needs from <see cref="AuthorizationService"/>, small enough to mock or decorate.</summary>
/// <remarks>Safe for concurrent use; never blocks on a policy reload or a tenancy change.</remarks>
public interface IAuthorizationChecker
{
    /// <summary>Decides whether <paramref name="principal"/> may perform <paramref name="action"/> in <paramref name="organization"/>.</summary>
    /// <param name="principal">Who asks: a user, or an API key acting for one.</param>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="action">The action, for example <c>agents:write</c>.</param>
    /// <param name="resource">The resource, for example <c>agent/42</c>; null for none.</param>
    /// <param name="context">Time, client address and resource attributes; null for none.</param>
    /// <returns>The decision; its explanation is computed on demand.</returns>
    Decision Check(Principal principal, string organization, string action, string? resource = null, CheckContext? context = null);
}
