using System.Security.Claims;
using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Maps the authenticated <see cref="ClaimsPrincipal"/> to a ConfigResolver <see cref="Principal"/>: the user-id claim
/// (<see cref="ConfigResolverAspNetCoreOptions.UserIdClaimType"/>, else the name identifier) holds a user id or an email;
/// a request without an authenticated user may present an API key (<see cref="ConfigResolverAspNetCoreOptions.ApiKeyHeader"/>).
/// </summary>
internal sealed class PrincipalMapper(UserDirectory users, IOptions<ConfigResolverAspNetCoreOptions> options, ConfigResolverRuntime runtime)
{
    private readonly string _claimType = options.Value.UserIdClaimType;
    private readonly string? _apiKeyHeader = string.IsNullOrEmpty(options.Value.ApiKeyHeader) ? null : options.Value.ApiKeyHeader;

    /// <summary>Whether the request acts through an API key: no authenticated user, and the key header is present.</summary>
    public bool PresentsApiKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated != true && _apiKeyHeader is not null && http.Request.Headers.ContainsKey(_apiKeyHeader);

    /// <summary>Maps a request: its authenticated user, else the API key it presents, else nobody (with the reason).</summary>
    public async ValueTask<MappedPrincipal> MapRequestAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!PresentsApiKey(http))
        {
            var principal = await MapAsync(http.User, cancellationToken).ConfigureAwait(false);
            return principal is null ? MappedPrincipal.None : new MappedPrincipal(principal, false);
        }

        var values = http.Request.Headers[_apiKeyHeader!];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return new MappedPrincipal(null, true, "invalid_api_key", $"the request must carry exactly one non-empty {_apiKeyHeader} header.");
        }

        try
        {
            return new MappedPrincipal(await runtime.ApiKeys.AuthenticateAsync(values[0]!, cancellationToken).ConfigureAwait(false), true);
        }
        catch (AccessException e)
        {
            // The diagnostic names the problem (malformed, unknown, revoked, expired) and never the key.
            var reason = e.Diagnostics[0].Code switch
            {
                AccessDiagnosticCodes.ApiKeyRevoked => "revoked_api_key",
                AccessDiagnosticCodes.ApiKeyExpired => "expired_api_key",
                _ => "invalid_api_key",
            };
            return new MappedPrincipal(null, true, reason, e.Diagnostics[0].Message);
        }
    }

    public ValueTask<Principal?> MapAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return ValueTask.FromResult<Principal?>(null);
        }

        var value = (user.FindFirst(_claimType) ?? user.FindFirst(ClaimTypes.NameIdentifier))?.Value;
        return MapValueAsync(value, cancellationToken);
    }

    /// <summary>Maps a user given as an id or an email (the HTTP API's <c>user</c> field).</summary>
    public ValueTask<Principal?> MapValueAsync(string? value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ValueTask.FromResult<Principal?>(null);
        }

        if (Guid.TryParse(value, out var id))
        {
            return ValueTask.FromResult<Principal?>(UserPrincipals.For(id));
        }

        return value.Contains('@', StringComparison.Ordinal) ? ByEmailAsync(value, cancellationToken) : ValueTask.FromResult<Principal?>(null);
    }

    private async ValueTask<Principal?> ByEmailAsync(string email, CancellationToken cancellationToken) =>
        await users.FindAsync(email, cancellationToken).ConfigureAwait(false) is { } id ? UserPrincipals.For(id) : null;
}
