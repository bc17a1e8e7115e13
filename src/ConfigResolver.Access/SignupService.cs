using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Access;

/// <summary>
/// Sign-up with a key (LAMB): an organization whose <c>features.signup_enabled</c> is true and whose sign-up key matches
/// (found through the store's hash index, never by comparing plaintext) gets the person as a member; otherwise, when the
/// deployment allows it (<c>SIGNUP_ENABLED=true</c> and <c>SIGNUP_SECRET_KEY</c> matches), the system organization
/// does; otherwise one generic refusal (ACC5301) that says nothing about which keys or organizations exist.
/// </summary>
/// <remarks>Safe for concurrent use. An existing email joins instead of creating a second user; the join is one write, audited as <c>signup</c>.</remarks>
public sealed partial class SignupService
{
    private readonly ITenantStore _store;
    private readonly AccessOptions _options;
    private readonly AccessSecrets _secrets;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store.</param>
    /// <param name="options">The deployment's sign-up fallback, clock and random source (<see cref="AccessOptions.FromConfiguration"/>).</param>
    /// <param name="logger">Logs sign-ups and refusals (never a key).</param>
    public SignupService(ITenantStore store, AccessOptions options, ILogger<SignupService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _secrets = new AccessSecrets(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Signs a person up with a key.</summary>
    /// <param name="signupKey">The sign-up key.</param>
    /// <param name="email">The person's email.</param>
    /// <param name="name">Their display name, for a new user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the join did, with the organization joined.</returns>
    /// <exception cref="AccessException">The key leads nowhere (ACC5301, deliberately the same whatever the reason).</exception>
    /// <exception cref="TenantValidationException">An invalid email (TEN2003) or name (TEN2014), or the organization the key leads to has no owner yet (TEN2011).</exception>
    public async Task<JoinResult> SignUpAsync(string signupKey, string email, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signupKey);
        ArgumentNullException.ThrowIfNull(email);
        if (!TenancyRules.IsValidEmail(email))
        {
            throw new TenantValidationException([TenancyDiagnostics.InvalidEmail(email)]);
        }

        if (name is not null && !TenancyRules.IsValidName(name))
        {
            throw new TenantValidationException([TenancyDiagnostics.InvalidField(TenancyDiagnostics.UserSubject(email), "name", name)]);
        }

        var (organization, via) = await DestinationAsync(signupKey, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            LogRefused(_logger);
            throw new AccessException(AccessDiagnostics.SignupRefused());
        }

        var join = new SignupJoin(organization.Id, email, _options.TimeProvider.GetUtcNow(), _secrets.NewId()) { Name = name, Via = via };
        var joined = await _store.SignUpAsync(join, cancellationToken).ConfigureAwait(false);
        LogJoined(_logger, joined.User.Id, joined.Organization.Slug, via);
        return joined;
    }

    /// <summary>The organization a key leads to: an organization's own key first, then the deployment's; null for neither.</summary>
    private async Task<(Organization? Organization, string Via)> DestinationAsync(string signupKey, CancellationToken cancellationToken)
    {
        if (signupKey.Length is 0 or > 1024)
        {
            return (null, string.Empty);
        }

        var owner = await _store.FindOrganizationBySignupKeyAsync(SignupKeyHash.Compute(signupKey), cancellationToken).ConfigureAwait(false);
        if (owner is { Config.SignupEnabled: true } && owner.Status != OrganizationStatus.Suspended)
        {
            return (owner, "organization_key");
        }

        if (_options.DeploymentSignupEnabled && _options.DeploymentSignupKey is { } deploymentKey && SameKey(signupKey, deploymentKey.Reveal()))
        {
            return (await _store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false), "deployment_key");
        }

        return (null, string.Empty);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {UserId} signed up into '{Organization}' ({Via}).")]
    private static partial void LogJoined(ILogger logger, Guid userId, string organization, string via);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sign-up refused.")]
    private static partial void LogRefused(ILogger logger);

    private static bool SameKey(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(presented.AsSpan()), MemoryMarshal.AsBytes(expected.AsSpan()));
}
