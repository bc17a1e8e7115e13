using Microsoft.AspNetCore.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Requires a ConfigResolver permission on a controller or action: <c>[RequirePermission("agents:write")]</c>. Denied
/// requests get 403 problem details with the reason code and the deciding rule; an unknown organization 404; no user 401.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="action">The action, for example <c>agents:write</c>.</param>
    public RequirePermissionAttribute(string action)
        : base(PermissionPolicyNames.For(action, null))
    {
        Action = action;
    }

    /// <summary>Initializes the attribute with a resource.</summary>
    /// <param name="action">The action, for example <c>agents:write</c>.</param>
    /// <param name="resource">The resource pattern; <c>{name}</c> is replaced by that route value.</param>
    public RequirePermissionAttribute(string action, string resource)
        : base(PermissionPolicyNames.For(action, resource))
    {
        Action = action;
        Resource = resource;
    }

    /// <summary>Gets the action.</summary>
    public string Action { get; }

    /// <summary>Gets the resource pattern, or null.</summary>
    public string? Resource { get; }
}
