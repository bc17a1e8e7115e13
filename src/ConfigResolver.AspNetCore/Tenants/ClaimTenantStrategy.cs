using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>The organization is a claim of the authenticated user, for example <c>org</c> in a token.</summary>
/// <param name="claimType">The claim's type.</param>
public sealed class ClaimTenantStrategy(string claimType) : ITenantStrategy
{
    /// <inheritdoc />
    public string? FindTenant(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.FindFirst(claimType)?.Value is { Length: > 0 } slug ? slug : null;
    }
}
