namespace ConfigResolver.Access;

/// <summary>One thing a principal may do in an organization, and the grant that gives it.</summary>
/// <param name="Action">A declared scope, spelled out (never a wildcard), for example <c>agents:write</c>.</param>
/// <param name="Resource">
/// <c>*</c> when <c>Check</c> allows the action without a resource and on every resource the organization's configuration
/// names; otherwise one resource it was allowed on (for example <c>provider/openai</c>), or null for "allowed when no
/// resource is named" (only when some named resource is refused).
/// </param>
/// <param name="GrantedBy">Why: the role, scope or rule that allows it, from the decision's explanation.</param>
public sealed record AllowedAction(string Action, string? Resource, string GrantedBy);
