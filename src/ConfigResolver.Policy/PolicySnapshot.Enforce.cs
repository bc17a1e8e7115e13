using System.Globalization;
using System.Text.Json;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy;

public sealed partial class PolicySnapshot
{
    /// <summary>Decides a two-value request with the default context, against this snapshot only.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing, cached or not (in steady state). Safe for concurrent use.</remarks>
    public bool Enforce(string value1, string value2) => EnforceStrings(value1, value2, null, null, 2);

    /// <summary>Decides a three-value request (subject, object, action) with the default context, against this snapshot only.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <param name="value3">Third request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing, cached or not (in steady state). Safe for concurrent use.</remarks>
    public bool Enforce(string value1, string value2, string value3) => EnforceStrings(value1, value2, value3, null, 3);

    /// <summary>Decides a four-value request (subject, domain, object, action) with the default context, against this snapshot only.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <param name="value3">Third request value.</param>
    /// <param name="value4">Fourth request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing, cached or not (in steady state). Safe for concurrent use.</remarks>
    public bool Enforce(string value1, string value2, string value3, string value4) => EnforceStrings(value1, value2, value3, value4, 4);

    /// <summary>Decides a request with the default context, against this snapshot only.</summary>
    /// <param name="request">Request values: strings, numbers, or objects for ABAC.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    public bool Enforce(params object?[] request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Length is < 1 or > 4 || !AllStrings(request) || DefaultCache is not { } cache)
        {
            return Decide(EnforceContext.Default, request).Allowed;
        }

        var (a, b, c, d) = ((string)request[0]!, Get(request, 1), Get(request, 2), Get(request, 3));
        if (cache.TryGet(a, b, c, d, out var cached))
        {
            return cached;
        }

        var allowed = Decide(EnforceContext.Default, request, allStrings: true).Allowed;
        cache.Add(a, b, c, d, allowed);
        return allowed;
    }

    /// <summary>Decides a request with an enforce context, against this snapshot only.</summary>
    /// <param name="context">The definitions to use.</param>
    /// <param name="request">Request values.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request or context cannot be evaluated.</exception>
    public bool Enforce(EnforceContext context, params object?[] request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return Decide(context, request).Allowed;
    }

    /// <summary>Decides a request with an enforce context and says which rule decided it, against this snapshot only.</summary>
    /// <param name="context">The definitions to use.</param>
    /// <param name="request">Request values.</param>
    /// <returns>The decision, the deciding rule (empty when none), this snapshot's revision and whether a scan was needed.</returns>
    /// <exception cref="PolicyEvaluationException">The request or context cannot be evaluated.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Casbin's API name, kept for familiarity.")]
    public EnforceResult EnforceEx(EnforceContext context, params object?[] request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var (allowed, rule, scanned) = Decide(context, request);
        return new EnforceResult(allowed, rule is null ? [] : [.. rule], Revision, scanned);
    }

    private bool EnforceStrings(string a, string b, string? c, string? d, int count)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // The hit path: one field for "may string requests be cached here", one probe.
        var cache = DefaultCache;
        if (cache is not null && cache.TryGet(a, b, c, d, out var cached))
        {
            return cached;
        }

        // Accept-JSON snapshots have no default cache: their values may have to be parsed into objects.
        if (Settings.AcceptJsonRequest)
        {
            return Decide(EnforceContext.Default, count == 2 ? [a, b] : count == 3 ? [a, b, c] : [a, b, c, d]).Allowed;
        }

        // The values live on the stack: an uncached decision allocates nothing.
        var values = new RequestValues();
        values[0] = a;
        values[1] = b;
        values[2] = c;
        values[3] = d;
        var allowed = Decide(EnforceContext.Default, ((ReadOnlySpan<object?>)values)[..count], allStrings: true).Allowed;
        cache?.Add(a, b, c, d, allowed);
        return allowed;
    }

    internal (bool Allowed, string[]? Rule, bool Scanned) Decide(EnforceContext context, ReadOnlySpan<object?> request, bool allStrings = false)
    {
        var state = StateFor(context);
        var matcher = state.Matcher;
        if (matcher.BindingError is { } unbound)
        {
            throw new PolicyEvaluationException(unbound);
        }

        var values = Settings.AcceptJsonRequest ? ParseJsonValues(request) : request;
        if (values.Length != matcher.Request.Tokens.Length)
        {
            throw new PolicyEvaluationException(string.Create(CultureInfo.InvariantCulture,
                $"invalid request size: expected {matcher.Request.Tokens.Length} values ({string.Join(", ", matcher.Request.Tokens)}), got {values.Length}"));
        }

        try
        {
            if (Settings.IndexEnabled && state.Index is not null && (allStrings || AllStrings(values)) && IndexedEvaluator.TryEvaluate(state, values, Services, out var indexed))
            {
                return (indexed.Allowed, indexed.RuleIndex >= 0 ? state.Index.Rules[indexed.RuleIndex] : null, false);
            }

            var rules = state.Rules;
            var (allowed, index) = ScanEvaluator.Evaluate(matcher, rules.AsSpan(), values, Services);
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

    private static string? Get(object?[] request, int index) => index < request.Length ? (string)request[index]! : null;

    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct RequestValues
    {
        private object? _first;
    }
}
