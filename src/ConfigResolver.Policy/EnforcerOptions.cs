namespace ConfigResolver.Policy;

/// <summary>Options for an <see cref="Enforcer"/>.</summary>
public sealed class EnforcerOptions
{
    /// <summary>Clock for time-based functions such as <c>timeMatch</c>. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Whether decisions are cached (per snapshot; a change never serves a stale answer). Defaults to true.</summary>
    public bool EnableCache { get; init; } = true;

    /// <summary>How many decisions the cache of one snapshot keeps at most (rounded up to a power of two). Defaults to 65,536.</summary>
    public int CacheCapacity { get; init; } = EnforcerSettings.DefaultCacheCapacity;

    /// <summary>
    /// The largest model or policy file the path constructors read, in bytes (<c>POL1015</c> beyond). Defaults to 64 MiB:
    /// large-scale Casbin policies run to millions of lines. Files must be regular files and UTF-8 whatever the size.
    /// </summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>Whether request strings starting with <c>{</c> or <c>[</c> are parsed as JSON objects (Casbin's EnableAcceptJsonRequest).</summary>
    public bool AcceptJsonRequest { get; init; }
}
