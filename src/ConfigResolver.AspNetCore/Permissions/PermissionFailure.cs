using Microsoft.AspNetCore.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>Why a permission was refused, carried from the handler to the response: status, reason code, deciding rule.</summary>
internal sealed class PermissionFailure(
    IAuthorizationHandler handler, int status, string title, string detail, string reason, string? rule = null, long? revision = null)
    : AuthorizationFailureReason(handler, detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Reason { get; } = reason;

    public string? Rule { get; } = rule;

    public long? Revision { get; } = revision;
}
