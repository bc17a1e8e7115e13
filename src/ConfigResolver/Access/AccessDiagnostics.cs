using System.Globalization;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

/// <summary>
/// The diagnostics of refused access requests, built in one place so every store and service reports the same problem
/// the same way. None of them ever contains a secret: a presented key or token is described by its length only.
/// </summary>
public static class AccessDiagnostics
{
    /// <summary>The subject of API-key problems: <c>api key '&lt;id&gt;'</c>, or <c>api key</c> when no key is identified.</summary>
    /// <param name="keyId">The key's id, if known.</param>
    /// <returns>The subject.</returns>
    public static string KeySubject(Guid? keyId = null) => keyId is { } id ? $"api key '{id:D}'" : "api key";

    /// <summary>The subject of invitation problems.</summary>
    /// <param name="invitationId">The invitation's id, if known.</param>
    /// <returns>The subject.</returns>
    public static string InvitationSubject(Guid? invitationId = null) => invitationId is { } id ? $"invitation '{id:D}'" : "invitation";

    /// <summary>ACC5001: the presented key is not a valid key; says nothing about which part failed.</summary>
    /// <param name="length">The length of what was presented.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidApiKey(int length) =>
        Diagnostic.Mismatch(AccessDiagnosticCodes.InvalidApiKey, null, "a valid API key 'cfgr_<prefix>_<secret>'", Describe(length)) with { Where = KeySubject() };

    /// <summary>ACC5002: the key was revoked.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="at">When it was revoked.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ApiKeyRevoked(Guid keyId, DateTimeOffset at) =>
        new(AccessDiagnosticCodes.ApiKeyRevoked, $"the API key was revoked at {Time(at)}.") { Where = KeySubject(keyId) };

    /// <summary>ACC5003: the key has expired.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="at">When it expired.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ApiKeyExpired(Guid keyId, DateTimeOffset at) =>
        new(AccessDiagnosticCodes.ApiKeyExpired, $"the API key expired at {Time(at)}.") { Where = KeySubject(keyId) };

    /// <summary>ACC5004: the creator does not hold a requested scope.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="scope">The scope or pattern asked for.</param>
    /// <param name="action">The declared scope it covers that the creator lacks.</param>
    /// <param name="creator">Who creates the key, as shown to people.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ScopeNotHeld(string organization, string scope, string action, string creator) =>
        Diagnostic.Mismatch(
            AccessDiagnosticCodes.ScopeNotHeld,
            "/scopes",
            $"scopes that {creator} holds in '{organization}'",
            scope == action ? Quote(scope) : $"{Quote(scope)}, which covers {Quote(action)}") with { Where = TenancyDiagnostics.OrgSubject(organization) };

    /// <summary>ACC5005: a scope or pattern matches no declared scope.</summary>
    /// <param name="scope">The scope or pattern.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownScope(string scope) =>
        Diagnostic.Mismatch(AccessDiagnosticCodes.UnknownScope, "/scopes", "a declared scope (resource:verb) or a pattern matching one", Quote(scope)) with { Where = KeySubject() };

    /// <summary>ACC5006: no such key in the organization.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="keyId">The id asked for, as given.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownApiKey(string organization, string keyId) =>
        new(AccessDiagnosticCodes.UnknownApiKey, $"no API key {Quote(keyId)} belongs to organization {Quote(organization)}.") { Where = TenancyDiagnostics.OrgSubject(organization) };

    /// <summary>ACC5007: the key was already revoked.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="at">When.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ApiKeyAlreadyRevoked(Guid keyId, DateTimeOffset at) =>
        new(AccessDiagnosticCodes.ApiKeyAlreadyRevoked, $"the API key was already revoked at {Time(at)}.") { Where = KeySubject(keyId) };

    /// <summary>ACC5008: an expiry or grace period is not acceptable.</summary>
    /// <param name="subject">What the time belongs to.</param>
    /// <param name="field">The field (a JSON pointer).</param>
    /// <param name="expected">What is accepted.</param>
    /// <param name="actual">What was given.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidExpiry(string subject, string field, string expected, string actual) =>
        Diagnostic.Mismatch(AccessDiagnosticCodes.InvalidExpiry, field, expected, actual) with { Where = subject };

    /// <summary>ACC5009: a key request is malformed.</summary>
    /// <param name="field">The field (a JSON pointer).</param>
    /// <param name="expected">What is accepted.</param>
    /// <param name="actual">What was given.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidApiKeyRequest(string field, string expected, string actual) =>
        Diagnostic.Mismatch(AccessDiagnosticCodes.InvalidApiKeyRequest, field, expected, actual) with { Where = KeySubject() };

    /// <summary>ACC5010: the key may not act for that user.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="user">The user, as shown to people.</param>
    /// <param name="why">Why not.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ActAsUserNotAllowed(string organization, string user, string why) =>
        new(AccessDiagnosticCodes.ActAsUserNotAllowed, $"the key cannot act for {Quote(user)}: {why}.") { Where = TenancyDiagnostics.OrgSubject(organization), Pointer = "/act_as_user" };

    /// <summary>An access-token problem (ACC51xx), subject <c>token</c>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">The sentence.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Token(string code, string message) => new(code, message) { Where = "token" };

    /// <summary>An invitation problem (ACC52xx).</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">The sentence (never naming the organization to someone who only holds a token).</param>
    /// <param name="invitationId">The invitation, when the caller may know it.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Invitation(string code, string message, Guid? invitationId = null) => new(code, message) { Where = InvitationSubject(invitationId) };

    /// <summary>ACC5301: the one sign-up refusal, whatever the reason.</summary>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic SignupRefused() =>
        new(AccessDiagnosticCodes.SignupRefused, "sign-up refused: the sign-up key is not valid, or sign-up is not open with it.") { Where = "sign-up" };

    /// <summary>Describes a presented secret by its length.</summary>
    /// <param name="length">The length.</param>
    /// <returns>For example <c>a 70-character value</c>.</returns>
    public static string Describe(int length) => length == 1 ? "a 1-character value" : $"a {length.ToString(CultureInfo.InvariantCulture)}-character value";

    /// <summary>Renders an instant the way messages show it (UTC, seconds).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>For example <c>2026-01-15T09:30:00Z</c>.</returns>
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "'" + value + "'";
}
