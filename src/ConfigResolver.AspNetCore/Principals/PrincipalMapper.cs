using System.Security.Claims;
using ConfigResolver.Authorization;
using ConfigResolver.Hosting;
using Microsoft.Extensions.Options;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Maps the authenticated <see cref="ClaimsPrincipal"/> to a ConfigResolver <see cref="Principal"/>: the user-id claim
/// (<see cref="ConfigResolverAspNetCoreOptions.UserIdClaimType"/>, else the name identifier) holds a user id or an email.
/// </summary>
internal sealed class PrincipalMapper(UserDirectory users, IOptions<ConfigResolverAspNetCoreOptions> options)
{
    private readonly string _claimType = options.Value.UserIdClaimType;

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
