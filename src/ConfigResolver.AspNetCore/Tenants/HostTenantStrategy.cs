using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// The organization is the first label of the host name under a parent domain: with parent <c>example.com</c>,
/// <c>acme.example.com</c> is <c>acme</c>; the parent itself and other domains find nothing.
/// </summary>
/// <param name="parentDomain">The domain organizations are subdomains of.</param>
public sealed class HostTenantStrategy(string parentDomain) : ITenantStrategy
{
    private readonly string _suffix = "." + parentDomain.TrimStart('.');

    /// <inheritdoc />
    public string? FindTenant(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Request.Host.Host;
        if (!host.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase) || host.Length == _suffix.Length)
        {
            return null;
        }

        var label = host[..^_suffix.Length];
        return label.Contains('.', StringComparison.Ordinal) ? null : label.ToLowerInvariant();
    }
}
