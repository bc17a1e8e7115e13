namespace ConfigResolver.Authorization;

/// <summary>
/// Request facts beyond who, where and what: the time, the client address and the resource's attributes, readable
/// by conditions as <c>context.time</c>, <c>context.client_ip</c> and <c>resource.attributes</c>.
/// </summary>
/// <remarks>
/// A check that passes <see cref="ResourceAttributes"/> is never answered from the decision cache (the cache key
/// does not include them); time and client address affect the cache only through rules that read <c>context</c>,
/// which make the whole rule set uncacheable.
/// </remarks>
public sealed class CheckContext
{
    /// <summary>The request time; the snapshot's clock when null. Conditions see it as ISO 8601 text.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The client's IP address, if known.</summary>
    public string? ClientIp { get; init; }

    /// <summary>The resource's attributes (owner, labels...), if the caller has them.</summary>
    public IReadOnlyDictionary<string, object?>? ResourceAttributes { get; init; }

    /// <summary>
    /// The team the request is made for (<c>team.*</c>, and <c>usage.team.*</c>); when null, the API key's team, if the
    /// principal is a key bound to one. A check that names a team is not answered from the decision cache when a rule
    /// reads <c>team</c> or <c>usage</c>.
    /// </summary>
    public string? Team { get; init; }
}
