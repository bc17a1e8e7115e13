using System.Collections.Frozen;

namespace ConfigResolver.Policy;

/// <summary>Enforcer settings that change how a snapshot is built or evaluated; immutable, replaced as a whole.</summary>
internal sealed record EnforcerSettings(
    FrozenDictionary<string, Func<string, string, bool>> NameMatchers,
    FrozenDictionary<string, Func<string, string, bool>> DomainMatchers,
    bool AcceptJsonRequest,
    TimeProvider TimeProvider,
    int CacheCapacity = EnforcerSettings.DefaultCacheCapacity,
    bool CacheEnabled = true,
    bool IndexEnabled = true)
{
    public const int DefaultCacheCapacity = 1 << 16;

    public static EnforcerSettings Default { get; } = new(
        FrozenDictionary<string, Func<string, string, bool>>.Empty,
        FrozenDictionary<string, Func<string, string, bool>>.Empty,
        AcceptJsonRequest: false,
        TimeProvider.System);

    /// <summary>The settings a new enforcer starts with.</summary>
    public static EnforcerSettings From(EnforcerOptions options) => Default with
    {
        TimeProvider = options.TimeProvider,
        AcceptJsonRequest = options.AcceptJsonRequest,
        CacheCapacity = options.CacheCapacity,
        CacheEnabled = options.EnableCache,
    };
}
