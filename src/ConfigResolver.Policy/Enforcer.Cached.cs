using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    [ThreadStatic]
    private static object?[]?[]? t_requestBuffers;

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
        if (!_enabled)
        {
            return true;
        }

        var snapshot = _snapshot;
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
        var state = snapshot.DefaultState;
        var useCache = _cacheEnabled && state.Cacheable;
        if (useCache && state.Cache.TryGet(a, b, c, d, out var cached))
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
            // Reuse a per-thread array for the values so that an uncached decision allocates nothing.
            var buffers = t_requestBuffers ??= new object?[5][];
            var buffer = buffers[count] ?? new object?[count];
            buffers[count] = null;
            try
            {
                buffer[0] = a;
                buffer[1] = b;
                if (count > 2)
                {
                    buffer[2] = c;
                }

                if (count > 3)
                {
                    buffer[3] = d;
                }

                allowed = Decide(snapshot, EnforceContext.Default, buffer).Allowed;
            }
            finally
            {
                Array.Clear(buffer);
                buffers[count] = buffer;
            }
        }

        if (useCache)
        {
            state.Cache.Add(a, b, c, d, allowed);
        }

        return allowed;
    }

    private static string? Get(object?[] request, int index) => index < request.Length ? (string)request[index]! : null;
}
