namespace ConfigResolver.Auditing;

/// <summary>
/// One administrative write as the audit log keeps it: appended in the write's own transaction, never updated or deleted.
/// </summary>
/// <remarks>
/// <see cref="Changes"/> is a JSON object mapping each changed field (or configuration pointer) to <c>{"from", "to"}</c>;
/// every secret in it is a fingerprint (<c>sha256:</c> and the first 8 hex characters of its hash), never the value.
/// Immutable; safe to share between threads.
/// </remarks>
/// <param name="Id">The event's id: the store revision of the write (ids only grow).</param>
/// <param name="Time">When the write committed, from the store's clock.</param>
/// <param name="Actor">Who wrote: <c>system</c>, <c>cli</c>, <c>user:&lt;email&gt;</c> or <c>apikey:&lt;id&gt;</c> (<see cref="AuditActor"/>).</param>
/// <param name="Action">What kind of write (<see cref="AuditActions"/>), for example <c>apikey.create</c>.</param>
public sealed record AuditEvent(long Id, DateTimeOffset Time, string Actor, string Action)
{
    /// <summary>Gets the id of the organization concerned, if any.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>Gets the slug of the organization concerned, if any (kept after the organization is deleted).</summary>
    public string? Organization { get; init; }

    /// <summary>Gets what was written: a slug, an email, an API key or invitation id.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the change as a JSON object (see the type's remarks); <c>{}</c> when nothing is recorded.</summary>
    public string Changes { get; init; } = "{}";
}
