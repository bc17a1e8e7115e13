using System.Globalization;
using System.Text.Json;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>Decides a request with the default context (<c>r</c>, <c>p</c>, <c>e</c>, <c>m</c>).</summary>
    /// <param name="request">Request values in request-definition order: strings, numbers, or objects for ABAC.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated (wrong size, missing attribute, ...).</exception>
    /// <remarks>Safe for concurrent use; never blocks on writers.</remarks>
    public bool Enforce(params object?[] request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_enabled)
        {
            return true;
        }

        var snapshot = _snapshot;
        return request.Length is >= 1 and <= 4 && AllStrings(request) && !snapshot.Settings.AcceptJsonRequest
            ? Cached(snapshot, (string)request[0]!, Get(request, 1), Get(request, 2), Get(request, 3), request)
            : Decide(snapshot, EnforceContext.Default, request).Allowed;
    }

    /// <summary>Decides a request with an enforce context selecting other definitions (<c>r2</c>, <c>p2</c>, ...).</summary>
    /// <param name="context">The definitions to use.</param>
    /// <param name="request">Request values in the chosen request definition's order.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request or context cannot be evaluated.</exception>
    public bool Enforce(EnforceContext context, params object?[] request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return _enabled && Decide(_snapshot, context, request).Allowed;
    }

    /// <summary>Decides a request and says which rule decided it.</summary>
    /// <param name="request">Request values.</param>
    /// <returns>The decision, the deciding rule (empty when none), the snapshot revision and whether a scan was needed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Casbin's API name, kept for familiarity.")]
    public EnforceResult EnforceEx(params object?[] request) => EnforceEx(EnforceContext.Default, request);

    /// <summary>Decides a request with an enforce context and says which rule decided it.</summary>
    /// <param name="context">The definitions to use.</param>
    /// <param name="request">Request values.</param>
    /// <returns>The decision and its explanation.</returns>
    /// <exception cref="PolicyEvaluationException">The request or context cannot be evaluated.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Casbin's API name, kept for familiarity.")]
    public EnforceResult EnforceEx(EnforceContext context, params object?[] request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = _snapshot;
        if (!_enabled)
        {
            return new EnforceResult(true, [], snapshot.Revision, UsedScan: false);
        }

        var (allowed, rule, scanned) = Decide(snapshot, context, request);
        return new EnforceResult(allowed, rule is null ? [] : [.. rule], snapshot.Revision, scanned);
    }

    /// <summary>Decides several requests against one snapshot.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>One decision per request, in order.</returns>
    /// <exception cref="PolicyEvaluationException">A request cannot be evaluated.</exception>
    public IReadOnlyList<bool> BatchEnforce(IEnumerable<object?[]> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var snapshot = _snapshot;
        return [.. requests.Select(r => !_enabled || Decide(snapshot, EnforceContext.Default, r).Allowed)];
    }

    private (bool Allowed, string[]? Rule, bool Scanned) Decide(PolicySnapshot snapshot, EnforceContext context, ReadOnlySpan<object?> request, bool allStrings = false)
    {
        var state = snapshot.StateFor(context);
        var matcher = state.Matcher;
        if (matcher.BindingError is { } unbound)
        {
            throw new PolicyEvaluationException(unbound);
        }

        var values = snapshot.Settings.AcceptJsonRequest ? ParseJsonValues(request) : request;
        if (values.Length != matcher.Request.Tokens.Length)
        {
            throw new PolicyEvaluationException(string.Create(CultureInfo.InvariantCulture,
                $"invalid request size: expected {matcher.Request.Tokens.Length} values ({string.Join(", ", matcher.Request.Tokens)}), got {values.Length}"));
        }

        var rules = state.Rules;
        try
        {
            if (_indexEnabled && state.Index is not null && (allStrings || AllStrings(values)) && IndexedEvaluator.TryEvaluate(state, values, snapshot.Services, out var indexed))
            {
                return (indexed.Allowed, indexed.RuleIndex >= 0 ? rules[indexed.RuleIndex] : null, false);
            }

            var (allowed, index) = ScanEvaluator.Evaluate(matcher, rules.AsSpan(), values, snapshot.Services);
            return (allowed, index >= 0 && index < rules.Length ? rules[index] : null, state.Scans);
        }
        catch (Exception e) when (e is not PolicyEvaluationException and not OutOfMemoryException)
        {
            throw new PolicyEvaluationException($"the matcher '{matcher.Matcher.Key}' could not be evaluated: {e.Message}", e);
        }
    }

    private static bool AllStrings(ReadOnlySpan<object?> values)
    {
        foreach (var value in values)
        {
            if (value is not string)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Casbin's accept-JSON mode: request strings that start with '{' or '[' must be JSON objects.</summary>
    private static ReadOnlySpan<object?> ParseJsonValues(ReadOnlySpan<object?> request)
    {
        object?[]? copy = null;
        for (var i = 0; i < request.Length; i++)
        {
            if (request[i] is not string s || s.Length == 0 || (s[0] != '{' && s[0] != '['))
            {
                continue;
            }

            copy ??= request.ToArray();
            try
            {
                using var document = JsonDocument.Parse(s);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new PolicyEvaluationException($"request value {i + 1} starts like JSON but is not a JSON object: '{s}'");
                }

                copy[i] = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new PolicyEvaluationException($"request value {i + 1} starts like JSON but does not parse: {e.Message}", e);
            }
        }

        return copy is null ? request : copy;
    }
}
