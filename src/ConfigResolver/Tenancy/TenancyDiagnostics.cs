using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Tenancy;

/// <summary>
/// The diagnostics for rejected tenancy writes. Every store and the administration service build them here,
/// so the same rejection has the same code, subject and pointer whichever store made it.
/// </summary>
internal static class TenancyDiagnostics
{
    /// <summary>Returns the subject for an organization: <c>org 'acme'</c>.</summary>
    /// <param name="slug">The slug (or id text).</param>
    /// <returns>The subject.</returns>
    public static string OrgSubject(string slug) => "org " + Quote(slug);

    /// <summary>Returns the subject for a user: <c>user 'ann@example.com'</c>.</summary>
    /// <param name="email">The email (or id text).</param>
    /// <returns>The subject.</returns>
    public static string UserSubject(string email) => "user " + Quote(email);

    /// <summary>Returns the pointer of a member within an organization: <c>/members/ann@example.com</c>.</summary>
    /// <param name="email">The member's email.</param>
    /// <returns>The pointer.</returns>
    public static string MemberPointer(string email) => JsonPointer.Combine("/members", email);

    /// <summary>TEN2001: the slug is malformed.</summary>
    /// <param name="slug">The slug.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidSlug(string slug) =>
        Diagnostic.Mismatch(DiagnosticCodes.InvalidSlug, "/slug", TenancyRules.SlugExpectation, Quote(slug)) with { Where = OrgSubject(slug) };

    /// <summary>TEN2002: another organization has the slug.</summary>
    /// <param name="slug">The slug.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateSlug(string slug) =>
        Diagnostic.Mismatch(DiagnosticCodes.DuplicateSlug, "/slug", "a slug no other organization uses", Quote(slug) + ", which is taken") with { Where = OrgSubject(slug) };

    /// <summary>TEN2003: the email is malformed.</summary>
    /// <param name="email">The email.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidEmail(string email) =>
        Diagnostic.Mismatch(DiagnosticCodes.InvalidEmail, "/email", "an email address like 'name@example.com'", Quote(email)) with { Where = UserSubject(email) };

    /// <summary>TEN2004: another user has the email, compared case-insensitively.</summary>
    /// <param name="email">The email.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateEmail(string email) =>
        Diagnostic.Mismatch(DiagnosticCodes.DuplicateEmail, "/email", "an email no other user has (case-insensitive)", Quote(email) + ", which is taken") with { Where = UserSubject(email) };

    /// <summary>TEN2005: no organization has this slug or id.</summary>
    /// <param name="slugOrId">The slug or id that was asked for.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownOrganization(string slugOrId) =>
        new Diagnostic(DiagnosticCodes.UnknownOrganization, $"unknown organization {Quote(slugOrId)}.") { Where = OrgSubject(slugOrId), Actual = Quote(slugOrId) };

    /// <summary>TEN2006: no user has this email or id.</summary>
    /// <param name="emailOrId">The email or id that was asked for.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownUser(string emailOrId) =>
        new Diagnostic(DiagnosticCodes.UnknownUser, $"unknown user {Quote(emailOrId)}.") { Where = UserSubject(emailOrId), Actual = Quote(emailOrId) };

    /// <summary>TEN2007: the system organization cannot be deleted.</summary>
    /// <param name="slug">The system slug.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic SystemOrganizationUndeletable(string slug) =>
        new Diagnostic(DiagnosticCodes.SystemOrganizationUndeletable, "the system organization cannot be deleted.") { Where = OrgSubject(slug) };

    /// <summary>TEN2008: the system organization must stay active.</summary>
    /// <param name="slug">The system slug.</param>
    /// <param name="status">The rejected status.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic SystemOrganizationMustStayActive(string slug, OrganizationStatus status) =>
        Diagnostic.Mismatch(DiagnosticCodes.SystemOrganizationMustStayActive, "/status", "'active' (the system organization cannot be suspended)", Quote(TenancyNames.ToName(status))) with { Where = OrgSubject(slug) };

    /// <summary>TEN2009: removing the membership would leave the organization without an owner.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="email">The member being removed.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic LastOwnerRemoval(string slug, string email) =>
        new Diagnostic(DiagnosticCodes.LastOwnerRemoval, $"cannot remove {Quote(email)}: they are the organization's last owner; make another member owner first.")
        { Where = OrgSubject(slug), Pointer = MemberPointer(email) };

    /// <summary>TEN2010: changing the role would leave the organization without an owner.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="email">The member being demoted.</param>
    /// <param name="role">The rejected role.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic LastOwnerDemotion(string slug, string email, MembershipRole role) =>
        Diagnostic.Mismatch(DiagnosticCodes.LastOwnerDemotion, MemberPointer(email) + "/role", "'owner', because they are the organization's last owner", Quote(TenancyNames.ToName(role))) with { Where = OrgSubject(slug) };

    /// <summary>TEN2011: an organization without members must get an owner first.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="email">The member being added.</param>
    /// <param name="role">The rejected role.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic FirstMemberMustBeOwner(string slug, string email, MembershipRole role) =>
        Diagnostic.Mismatch(DiagnosticCodes.FirstMemberMustBeOwner, MemberPointer(email) + "/role", "'owner' for an organization's first member", Quote(TenancyNames.ToName(role))) with { Where = OrgSubject(slug) };

    /// <summary>TEN2012: the default organization is not one of the user's memberships.</summary>
    /// <param name="email">The user.</param>
    /// <param name="organization">The rejected organization (slug or id).</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DefaultOrganizationNotMember(string email, string organization) =>
        Diagnostic.Mismatch(DiagnosticCodes.DefaultOrganizationNotMember, "/default_organization", "an organization the user is a member of", Quote(organization)) with { Where = UserSubject(email) };

    /// <summary>TEN2013: the user is not a member of the organization.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="email">The user.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownMembership(string slug, string email) =>
        new Diagnostic(DiagnosticCodes.UnknownMembership, $"{Quote(email)} is not a member of the organization.") { Where = OrgSubject(slug), Pointer = MemberPointer(email) };

    /// <summary>TEN2014: a name or plan is blank or too long.</summary>
    /// <param name="subject">The subject, e.g. <c>org 'acme'</c>.</param>
    /// <param name="field">The field, e.g. <c>name</c>.</param>
    /// <param name="value">The rejected value.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidField(string subject, string field, string? value) =>
        Diagnostic.Mismatch(DiagnosticCodes.InvalidField, "/" + field, $"1-{TenancyRules.MaxNameLength} characters, not all blank", value is null ? "none" : Quote(value)) with { Where = subject };

    /// <summary>TEN2015: an update changes a field that never changes.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="field">The field, e.g. <c>slug</c>.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ImmutableField(string subject, string field) =>
        new Diagnostic(DiagnosticCodes.ImmutableField, $"'{field}' cannot be changed after creation.") { Where = subject, Pointer = "/" + field };

    /// <summary>TEN2016: an entity with the id exists.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="id">The id.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateId(string subject, Guid id) =>
        new Diagnostic(DiagnosticCodes.DuplicateId, $"an entity with id '{id}' already exists.") { Where = subject, Pointer = "/id" };

    /// <summary>CFG1013: another organization uses the signup key. Neither the key nor the other organization is named.</summary>
    /// <param name="slug">The organization being written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DuplicateSignupKey(string slug) =>
        Diagnostic.Mismatch(DiagnosticCodes.DuplicateSignupKey, "/features/signup_key", "a signup key no other organization uses", "a key that is already in use") with { Where = OrgSubject(slug) };

    private static string Quote(string value) => Validation.ValueDescriber.Quote(value);
}
