using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>The organization is a request header, for example <c>X-Org: acme</c>.</summary>
/// <param name="header">The header's name.</param>
public sealed class HeaderTenantStrategy(string header) : ITenantStrategy
{
    /// <inheritdoc />
    public string? FindTenant(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Headers[header];
        return value.Count == 1 && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
    }
}
