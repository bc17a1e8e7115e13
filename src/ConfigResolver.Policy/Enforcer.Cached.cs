using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>Decides a two-value request (for example subject and object) with the default context.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing when the decision is cached, and nothing in steady state when it is not.</remarks>
    public bool Enforce(string value1, string value2) => Enforce4(value1, value2, null, null, 2);

    /// <summary>Decides a three-value request (subject, object, action) with the default context.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <param name="value3">Third request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing when the decision is cached, and nothing in steady state when it is not.</remarks>
    public bool Enforce(string value1, string value2, string value3) => Enforce4(value1, value2, value3, null, 3);

    /// <summary>Decides a four-value request (subject, domain, object, action) with the default context.</summary>
    /// <param name="value1">First request value.</param>
    /// <param name="value2">Second request value.</param>
    /// <param name="value3">Third request value.</param>
    /// <param name="value4">Fourth request value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="PolicyEvaluationException">The request cannot be evaluated.</exception>
    /// <remarks>Allocates nothing when the decision is cached, and nothing in steady state when it is not.</remarks>
    public bool Enforce(string value1, string value2, string value3, string value4) => Enforce4(value1, value2, value3, value4, 4);

    private bool Enforce4(string a, string b, string? c, string? d, int count)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var snapshot = _snapshot;

        // The hit path: one snapshot read, one field for "is this cacheable", one probe.
        if (snapshot.DefaultCache is { } cache && _cacheEnabled && cache.TryGet(a, b, c, d, out var cached))
        {
            return cached || !_enabled;
        }

        if (!_enabled)
        {
            return true;
        }

        if (snapshot.Settings.AcceptJsonRequest)
        {
            return Decide(snapshot, EnforceContext.Default, count == 2 ? [a, b] : count == 3 ? [a, b, c] : [a, b, c, d]).Allowed;
        }

        return Cached(snapshot, a, b, c, d, null, count);
    }

    private bool Cached(PolicySnapshot snapshot, string a, string? b, string? c, string? d, object?[] request) =>
        Cached(snapshot, a, b, c, d, request, request.Length);

    private bool Cached(PolicySnapshot snapshot, string a, string? b, string? c, string? d, object?[]? request, int count)
    {
        var cache = _cacheEnabled ? snapshot.DefaultCache : null;
        if (cache is not null && cache.TryGet(a, b, c, d, out var cached))
        {
            return cached;
        }

        bool allowed;
        if (request is not null)
        {
            allowed = Decide(snapshot, EnforceContext.Default, request).Allowed;
        }
        else
        {
            // The values live on the stack: an uncached decision allocates nothing.
            var values = new RequestValues();
            values[0] = a;
            values[1] = b;
            values[2] = c;
            values[3] = d;
            allowed = Decide(snapshot, EnforceContext.Default, ((ReadOnlySpan<object?>)values)[..count], allStrings: true).Allowed;
        }

        cache?.Add(a, b, c, d, allowed);

        return allowed;
    }

    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct RequestValues
    {
        private object? _first;
    }

    private static string? Get(object?[] request, int index) => index < request.Length ? (string)request[index]! : null;
}
