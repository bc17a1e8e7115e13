using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>One way to find the organization a request is for. Strategies run in order; the first that finds one wins.</summary>
public interface ITenantStrategy
{
    /// <summary>Finds the organization's slug in the request, or null when this strategy does not see one.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The slug, or null.</returns>
    string? FindTenant(HttpContext context);
}
