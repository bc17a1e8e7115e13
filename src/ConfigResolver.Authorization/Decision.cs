using System.Collections.Immutable;
using ConfigResolver.Authorization.Evaluation;

namespace ConfigResolver.Authorization;

/// <summary>
/// The answer to a check: <see cref="Allowed"/> and the snapshot <see cref="Revision"/> cost nothing beyond the check
/// itself; everything else (reasons, deciding rules and policy lines, "why not") is computed when asked for, by
/// re-evaluating the same request on the same snapshot with tracing on.
/// </summary>
/// <remarks>
/// A small immutable value that keeps the request and the snapshot alive until dropped. <see cref="Reasons"/>,
/// <see cref="Rules"/>, <see cref="PolicyLines"/> and <see cref="WhyNot"/> each compute the explanation; call
/// <see cref="Explain"/> once to read several of them.
/// </remarks>
public readonly struct Decision : IEquatable<Decision>
{
    private readonly AuthorizationSnapshot? _snapshot;
    private readonly Principal? _principal;
    private readonly string? _organization;
    private readonly string? _action;
    private readonly string? _resource;
    private readonly CheckContext? _context;

    internal Decision(AuthorizationSnapshot snapshot, Principal principal, string organization, string action, string? resource, CheckContext? context, bool allowed)
    {
        _snapshot = snapshot;
        _principal = principal;
        _organization = organization;
        _action = action;
        _resource = resource;
        _context = context;
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

    /// <summary>The reasons (computes the explanation).</summary>
    public ImmutableArray<string> Reasons => Explain().Reasons;

    /// <summary>The rules that decided (computes the explanation).</summary>
    public ImmutableArray<DecidingRule> Rules => Explain().Rules;

    /// <summary>The engine policy lines that granted access (computes the explanation).</summary>
    public ImmutableArray<string> PolicyLines => Explain().PolicyLines;

    /// <summary>For a denial, what is missing or which rule denied (computes the explanation).</summary>
    public string? WhyNot => Explain().WhyNot;

    /// <summary>Computes the explanation against the snapshot that answered.</summary>
    /// <returns>The explanation.</returns>
    /// <exception cref="InvalidOperationException">The decision is a default value, not the result of a check.</exception>
    public DecisionExplanation Explain()
    {
        if (_snapshot is null)
        {
            throw new InvalidOperationException("A default Decision has no explanation; use the result of a check.");
        }

        var trace = new ExplanationBuilder();
        var allowed = DecisionEvaluator.Evaluate(_snapshot, _principal!, _organization!, _action!, _resource ?? string.Empty, _context, trace);
        return trace.Build(allowed, _snapshot.Revision);
    }

    /// <inheritdoc/>
    public bool Equals(Decision other) =>
        Allowed == other.Allowed && ReferenceEquals(_snapshot, other._snapshot) && ReferenceEquals(_principal, other._principal)
        && _organization == other._organization && _action == other._action && _resource == other._resource && ReferenceEquals(_context, other._context);

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
