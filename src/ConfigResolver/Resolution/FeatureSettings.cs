using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>The organization's feature switches. Organization-scoped: never inherited from the environment or the system organization.</summary>
public sealed class FeatureSettings
{
    internal FeatureSettings(bool signupEnabled, Secret? signupKey)
    {
        SignupEnabled = signupEnabled;
        SignupKey = signupKey;
    }

    /// <summary>Gets whether self-service signup with <see cref="SignupKey"/> is enabled.</summary>
    public bool SignupEnabled { get; }

    /// <summary>Gets the signup key, or null.</summary>
    public Secret? SignupKey { get; }

    /// <summary>Renders the settings with the key redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() => $"features: signup_enabled {(SignupEnabled ? "true" : "false")}, signup_key {(SignupKey is null ? "(none)" : Secret.Redacted)}";
}
