namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>Decides a request with the default context (<c>r</c>, <c>p</c>, <c>e</c>, <c>m</c>).</summary>
    /// <param name="request">Request values in request-definition order: strings, numbers, or objects for ABAC.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request cannot be evaluated (wrong size, missing attribute, ...).</exception>
    /// <remarks>Safe for concurrent use; never blocks on writers. Decided by the current <see cref="Snapshot"/>.</remarks>
    public bool Enforce(params object?[] request) => !_enabled || _snapshot.Enforce(request);

    /// <summary>Decides a request with an enforce context selecting other definitions (<c>r2</c>, <c>p2</c>, ...).</summary>
    /// <param name="context">The definitions to use.</param>
    /// <param name="request">Request values in the chosen request definition's order.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request or context cannot be evaluated.</exception>
    public bool Enforce(EnforceContext context, params object?[] request) => !_enabled || _snapshot.Enforce(context, request);

    /// <summary>Decides a two-value request (for example subject and object) with the default context.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing when the decision is cached, and nothing in steady state when it is not.</remarks>
    public bool Enforce(string value1, string value2) => !_enabled || _snapshot.Enforce(value1, value2);

    /// <summary>Decides a three-value request (subject, object, action) with the default context.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <param name="value3">Third request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing when the decision is cached, and nothing in steady state when it is not.</remarks>
    public bool Enforce(string value1, string value2, string value3) => !_enabled || _snapshot.Enforce(value1, value2, value3);

    /// <summary>Decides a four-value request (subject, domain, object, action) with the default context.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <param name="value3">Third request value.</param>
    /// <param name="value4">Fourth request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing when the decision is cached, and nothing in steady state when it is not.</remarks>
    public bool Enforce(string value1, string value2, string value3, string value4) => !_enabled || _snapshot.Enforce(value1, value2, value3, value4);

    /// <summary>Decides a request and says which rule decided it.</summary>
    /// <param name="request">Request values.</param>
    /// <returns>The decision, the deciding rule (empty when none), the snapshot revision and whether a scan was needed.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request cannot be evaluated.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Casbin's API name, kept for familiarity.")]
    public EnforceResult EnforceEx(params object?[] request) => EnforceEx(EnforceContext.Default, request);

    /// <summary>Decides a request with an enforce context and says which rule decided it.</summary>
    /// <param name="context">The definitions to use.</param>
    /// <param name="request">Request values.</param>
    /// <returns>The decision and its explanation.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">The request or context cannot be evaluated.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Casbin's API name, kept for familiarity.")]
    public EnforceResult EnforceEx(EnforceContext context, params object?[] request)
    {
        var snapshot = _snapshot;
        return _enabled ? snapshot.EnforceEx(context, request) : new EnforceResult(true, [], snapshot.Revision, UsedScan: false);
    }

    /// <summary>Decides several requests against one snapshot.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>One decision per request, in order.</returns>
    /// <exception cref="Diagnostics.PolicyEvaluationException">A request cannot be evaluated.</exception>
    public IReadOnlyList<bool> BatchEnforce(IEnumerable<object?[]> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var snapshot = _snapshot;
        return [.. requests.Select(r => !_enabled || snapshot.Enforce(r))];
    }
}
