using System.Collections.Immutable;
using ConfigResolver.Authorization.Evaluation;

namespace ConfigResolver.Authorization;

/// <summary>
/// The answer to a check: <see cref="Allowed"/> and the snapshot <see cref="Revision"/> cost nothing beyond the check
/// itself; everything else (reasons, deciding rules and policy lines, "why not") is computed when asked for, by
/// re-evaluating exactly what the check read — the same request on the same snapshot at the same <see cref="Time"/> —
/// with tracing on, so the explanation always arrives at <see cref="Allowed"/>.
/// </summary>
/// <remarks>
/// A small immutable value that keeps the request and the snapshot alive until dropped. <see cref="Reasons"/>,
/// <see cref="Rules"/>, <see cref="PolicyLines"/> and <see cref="WhyNot"/> each compute the explanation; call
/// <see cref="Explain"/> once to read several of them. <see cref="CheckContext.ResourceAttributes"/> are read again by
/// the explanation: a caller that changes that dictionary after the check changes what is explained.
/// </remarks>
public readonly struct Decision : IEquatable<Decision>
{
    private readonly AuthorizationSnapshot? _snapshot;
    private readonly Principal? _principal;
    private readonly string? _organization;
    private readonly string? _action;
    private readonly string? _resource;
    private readonly CheckContext? _context;

    // The instant as UTC ticks plus one, 0 when the check read no time (a cached answer, or a rule set that reads none).
    private readonly long _utcTicks;

    internal Decision(AuthorizationSnapshot snapshot, Principal principal, string organization, string action, string? resource, CheckContext? context, bool allowed,
        DateTimeOffset? time)
    {
        _snapshot = snapshot;
        _principal = principal;
        _organization = organization;
        _action = action;
        _resource = resource;
        _context = context;
        _utcTicks = time is { } t ? t.UtcTicks + 1 : 0;
        Allowed = allowed;
    }

    /// <summary>Whether the request is allowed.</summary>
    public bool Allowed { get; }

    /// <summary>Revision of the snapshot that answered; 0 for a default value.</summary>
    public long Revision => _snapshot?.Revision ?? 0;

    /// <summary>
    /// The store revision the answering snapshot's tenancy facts reflect (memberships, organizations and their
    /// configuration up to at least this change-log revision); 0 for a default value.
    /// </summary>
    public long StoreRevision => _snapshot?.StoreRevision ?? 0;

    /// <summary>
    /// The instant the check's conditions saw (<c>context.time</c>, <c>timeMatch</c>): <see cref="CheckContext.Time"/>, or
    /// the snapshot's clock read once by the check; null when the check read no time (its rule set reads none).
    /// </summary>
    public DateTimeOffset? Time => _utcTicks == 0 ? null : new DateTimeOffset(_utcTicks - 1, TimeSpan.Zero);

    /// <summary>The reasons (computes the explanation).</summary>
    public ImmutableArray<string> Reasons => Explain().Reasons;

    /// <summary>The rules that decided (computes the explanation).</summary>
    public ImmutableArray<DecidingRule> Rules => Explain().Rules;

    /// <summary>The engine policy lines that granted access (computes the explanation).</summary>
    public ImmutableArray<string> PolicyLines => Explain().PolicyLines;

    /// <summary>For a denial, what is missing or which rule denied (computes the explanation).</summary>
    public string? WhyNot => Explain().WhyNot;

    /// <summary>Computes the explanation from what the check read: the snapshot that answered, the request, and the instant.</summary>
    /// <returns>The explanation.</returns>
    /// <exception cref="InvalidOperationException">The decision is a default value, not the result of a check.</exception>
    public DecisionExplanation Explain()
    {
        if (_snapshot is null)
        {
            throw new InvalidOperationException("A default Decision has no explanation; use the result of a check.");
        }

        var trace = new ExplanationBuilder();
        var allowed = CheckEvaluation.Evaluate(_snapshot, _principal!, _organization!, _action!, _resource ?? string.Empty, _context, Time, trace);
        return trace.Build(allowed, _snapshot.Revision);
    }

    /// <inheritdoc/>
    public bool Equals(Decision other) =>
        Allowed == other.Allowed && ReferenceEquals(_snapshot, other._snapshot) && ReferenceEquals(_principal, other._principal)
        && _organization == other._organization && _action == other._action && _resource == other._resource && ReferenceEquals(_context, other._context)
        && _utcTicks == other._utcTicks;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Decision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Allowed, _snapshot, _principal, _organization, _action, _resource);

    /// <summary>Whether two decisions answer the same request on the same snapshot the same way.</summary>
    /// <param name="left">A decision.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Decision left, Decision right) => left.Equals(right);

    /// <summary>Whether two decisions differ.</summary>
    /// <param name="left">A decision.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Decision left, Decision right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"{(Allowed ? "allow" : "deny")} (revision {Revision})";
}
