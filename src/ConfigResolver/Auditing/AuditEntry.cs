namespace ConfigResolver.Auditing;

/// <summary>
/// The audit event a store write produces before the store gives it its id, time and actor (built by <see cref="AuditEvents"/>).
/// </summary>
/// <param name="Action">What kind of write (<see cref="AuditActions"/>).</param>
/// <param name="OrganizationId">The organization concerned, if any.</param>
/// <param name="Organization">Its slug, if any.</param>
/// <param name="Target">What was written (a slug, an email, an id).</param>
/// <param name="Changes">The change as JSON, secrets fingerprinted.</param>
public sealed record AuditEntry(string Action, Guid? OrganizationId, string? Organization, string? Target, string Changes)
{
    /// <summary>Completes the event the store appends.</summary>
    /// <param name="id">The write's store revision.</param>
    /// <param name="time">The commit time.</param>
    /// <param name="actor">Who wrote; <see cref="AuditActor.Current"/> when null.</param>
    /// <returns>The event.</returns>
    public AuditEvent ToEvent(long id, DateTimeOffset time, AuditActor? actor = null) =>
        new(id, time, (actor ?? AuditActor.Current).Name, Action)
        {
            OrganizationId = OrganizationId,
            Organization = Organization,
            Target = Target,
            Changes = Changes,
        };
}
