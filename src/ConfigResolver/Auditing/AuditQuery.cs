namespace ConfigResolver.Auditing;

/// <summary>
/// Which audit events to read: filters (all optional, combined with AND) and one page of at most <see cref="Limit"/>
/// events, newest first. Page on by passing the previous page's <see cref="AuditPage.NextBefore"/> as <see cref="Before"/>.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The most events one query returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Gets the organization's slug, or null for every organization.</summary>
    public string? Organization { get; init; }

    /// <summary>Gets the actor (exact, for example <c>user:ann@acme.example</c>), or null for every actor.</summary>
    public string? Actor { get; init; }

    /// <summary>
    /// Gets the action (exact, for example <c>apikey.create</c>), or a prefix ending in <c>*</c> (<c>apikey.*</c>), or null for every action.
    /// </summary>
    public string? Action { get; init; }

    /// <summary>Gets the earliest time included, or null.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the time before which events are included (exclusive), or null.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the cursor: only events with a smaller id, or null to start at the newest.</summary>
    public long? Before { get; init; }

    /// <summary>Gets the page size: 1 to <see cref="MaxLimit"/>; 50 by default.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Whether an event passes the filters (not the cursor or the limit); what every store applies.</summary>
    /// <param name="audit">The event.</param>
    /// <returns>True when it passes.</returns>
    public bool Matches(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return (Organization is null || string.Equals(audit.Organization, Organization, StringComparison.Ordinal))
            && (Actor is null || string.Equals(audit.Actor, Actor, StringComparison.Ordinal))
            && (Action is null || (ActionPrefix is { } prefix ? audit.Action.StartsWith(prefix, StringComparison.Ordinal) : audit.Action == Action))
            && (Since is null || audit.Time >= Since)
            && (Until is null || audit.Time < Until)
            && (Before is null || audit.Id < Before);
    }

    /// <summary>Gets the prefix when <see cref="Action"/> ends in <c>*</c>, else null.</summary>
    public string? ActionPrefix => Action is { Length: > 0 } action && action[^1] == '*' ? action[..^1] : null;

    /// <summary>Checks the query's bounds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Limit"/> is not between 1 and <see cref="MaxLimit"/>.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"The limit is 1 to {MaxLimit}.");
        }
    }
}
