using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>
/// The organization's feature switches: signup, and LAMB's known switches (false unless set). Organization-scoped:
/// never inherited from the environment or the system organization (the system organization alone reads LAMB's
/// <c>SIGNUP_ENABLED</c> / <c>SIGNUP_SECRET_KEY</c>). Any other key of <c>features</c> is read with
/// <see cref="TenantConfig.GetFeature"/> or <see cref="TenantConfig.TryGetFeature"/>.
/// </summary>
/// <remarks>Immutable. <see cref="ToString"/> redacts the signup key.</remarks>
public sealed class FeatureSettings
{
    internal FeatureSettings(bool signupEnabled, Secret? signupKey, bool devMode, bool ltiPublishing, bool mcpEnabled, bool ragEnabled, bool sharingEnabled)
    {
        SignupEnabled = signupEnabled;
        SignupKey = signupKey;
        DevMode = devMode;
        LtiPublishing = ltiPublishing;
        McpEnabled = mcpEnabled;
        RagEnabled = ragEnabled;
        SharingEnabled = sharingEnabled;
    }

    /// <summary>Gets whether self-service signup with <see cref="SignupKey"/> is enabled.</summary>
    public bool SignupEnabled { get; }

    /// <summary>Gets the signup key, or null.</summary>
    public Secret? SignupKey { get; }

    /// <summary>Gets <c>features.dev_mode</c>.</summary>
    public bool DevMode { get; }

    /// <summary>Gets <c>features.lti_publishing</c>: whether assistants may be published through LTI.</summary>
    public bool LtiPublishing { get; }

    /// <summary>Gets <c>features.mcp_enabled</c>.</summary>
    public bool McpEnabled { get; }

    /// <summary>Gets <c>features.rag_enabled</c>: whether assistants may use knowledge bases.</summary>
    public bool RagEnabled { get; }

    /// <summary>Gets <c>features.sharing_enabled</c>: whether members may share assistants.</summary>
    public bool SharingEnabled { get; }

    /// <summary>Renders the settings with the key redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() =>
        $"features: signup_enabled {Bool(SignupEnabled)}, signup_key {(SignupKey is null ? "(none)" : Secret.Redacted)}, dev_mode {Bool(DevMode)}, "
        + $"lti_publishing {Bool(LtiPublishing)}, mcp_enabled {Bool(McpEnabled)}, rag_enabled {Bool(RagEnabled)}, sharing_enabled {Bool(SharingEnabled)}";

    private static string Bool(bool value) => value ? "true" : "false";
}
