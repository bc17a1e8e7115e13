using System.Security.Cryptography;
using ConfigResolver.Configuration;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Access;

/// <summary>
/// Deployment settings of the access services: secret hashing, token signing keys and lifetimes, rotation grace, the
/// last-used flush interval, invitation lifetime and the deployment-wide sign-up fallback.
/// </summary>
/// <remarks>Read when a service is constructed; later changes have no effect on it.</remarks>
public sealed class AccessOptions
{
    /// <summary>The longest an access token may live: 24 hours.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>The default interval between last-used flushes: 30 seconds.</summary>
    public static readonly TimeSpan DefaultUsageFlushInterval = TimeSpan.FromSeconds(30);

    /// <summary>The default lifetime of an invitation: 7 days.</summary>
    public static readonly TimeSpan DefaultInvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the deployment's pepper: when set, stored secret hashes are HMAC-SHA256 keyed with it rather than plain
    /// SHA-256, so a stolen database alone cannot confirm a guessed secret. Changing it invalidates every existing key.
    /// </summary>
    public Secret? SecretPepper { get; set; }

    /// <summary>Gets the token signing keys; the first signs new tokens, all of them verify (rotation by key id).</summary>
    public IList<TokenSigningKey> TokenSigningKeys { get; } = [];

    /// <summary>Gets or sets how long a rotated key's old secret keeps working. Zero (the default) stops it at once.</summary>
    public TimeSpan RotationGracePeriod { get; set; }

    /// <summary>
    /// Gets or sets how often an authenticator writes the last-used times it collected, in one batch. Default 30 seconds;
    /// a key's last-used time may lag by that much (and is lost for the last interval when a process crashes).
    /// </summary>
    public TimeSpan UsageFlushInterval { get; set; } = DefaultUsageFlushInterval;

    /// <summary>Gets or sets how long an invitation (and a resent token) stays valid. Default 7 days.</summary>
    public TimeSpan InvitationLifetime { get; set; } = DefaultInvitationLifetime;

    /// <summary>Gets or sets whether sign-up with the deployment's key into the system organization is allowed (<c>SIGNUP_ENABLED</c>).</summary>
    public bool DeploymentSignupEnabled { get; set; }

    /// <summary>Gets or sets the deployment's sign-up key (<c>SIGNUP_SECRET_KEY</c>); sign-up with it is refused while it is unset.</summary>
    public Secret? DeploymentSignupKey { get; set; }

    /// <summary>Gets or sets the clock; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the source of random bytes for key secrets, prefixes, ids and invitation tokens. Null (the default) uses
    /// the operating system's CSPRNG; only tests replace it, to make output reproducible.
    /// </summary>
    public RandomNumberGenerator? Random { get; set; }

    /// <summary>
    /// Reads the deployment settings the way LAMB names them: <c>SIGNUP_ENABLED</c> (<c>true</c> to allow),
    /// <c>SIGNUP_SECRET_KEY</c>, plus <c>CFGR_API_KEY_PEPPER</c> and <c>CFGR_TOKEN_SIGNING_KEYS</c>
    /// (<c>id:base64[,id:base64...]</c>, the first one signs).
    /// </summary>
    /// <param name="configuration">The configuration (environment variables, typically).</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">A signing key is not <c>id:base64</c>.</exception>
    /// <exception cref="ArgumentException">A signing key id is malformed or its key shorter than 32 bytes.</exception>
    public static AccessOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AccessOptions
        {
            DeploymentSignupEnabled = string.Equals(configuration["SIGNUP_ENABLED"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            DeploymentSignupKey = configuration["SIGNUP_SECRET_KEY"] is { Length: > 0 } key ? new Secret(key) : null,
            SecretPepper = configuration["CFGR_API_KEY_PEPPER"] is { Length: > 0 } pepper ? new Secret(pepper) : null,
        };
        foreach (var entry in (configuration["CFGR_TOKEN_SIGNING_KEYS"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException("CFGR_TOKEN_SIGNING_KEYS holds 'id:base64' entries separated by commas.");
            }

            options.TokenSigningKeys.Add(TokenSigningKey.FromBase64(entry[..colon], entry[(colon + 1)..]));
        }

        return options;
    }
}
