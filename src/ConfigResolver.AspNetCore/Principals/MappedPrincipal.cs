using ConfigResolver.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Who a request acts as: the principal, or why there is none (<see cref="Reason"/> and <see cref="Detail"/>, never a
/// secret); <see cref="FromApiKey"/> when an API key header, not the host's authentication, named it.
/// </summary>
internal readonly record struct MappedPrincipal(Principal? Principal, bool FromApiKey, string Reason = "no_user", string Detail = "the request has no known user.")
{
    public static MappedPrincipal None => new(null, false);
}
