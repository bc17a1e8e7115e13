namespace ConfigResolver.AspNetCore;

/// <summary>Encodes a permission as a policy name the policy provider can turn back into a requirement.</summary>
internal static class PermissionPolicyNames
{
    public const string Prefix = "configresolver:permission:";

    public static string For(string action, string? resource) => resource is null ? Prefix + action : $"{Prefix}{action}\n{resource}";

    public static bool TryParse(string policyName, out string action, out string? resource)
    {
        action = string.Empty;
        resource = null;
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = policyName.AsSpan(Prefix.Length);
        var split = body.IndexOf('\n');
        action = split < 0 ? body.ToString() : body[..split].ToString();
        resource = split < 0 ? null : body[(split + 1)..].ToString();
        return action.Length > 0;
    }
}
