using Microsoft.AspNetCore.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// The request's principal must be allowed <see cref="Action"/> on <see cref="Resource"/> in the request's organization.
/// <c>{name}</c> in the resource is replaced by the route value of that name (<c>agent/{id}</c>).
/// </summary>
/// <param name="action">The action, for example <c>agents:write</c>.</param>
/// <param name="resource">The resource pattern, or null for none.</param>
public sealed class PermissionRequirement(string action, string? resource = null) : IAuthorizationRequirement
{
    /// <summary>Gets the action.</summary>
    public string Action { get; } = action;

    /// <summary>Gets the resource pattern, or null.</summary>
    public string? Resource { get; } = resource;

    /// <inheritdoc />
    public override string ToString() => Resource is null ? $"permission '{Action}'" : $"permission '{Action}' on '{Resource}'";
}
