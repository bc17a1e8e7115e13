namespace ConfigResolver.Authorization;

/// <summary>Settings of an <see cref="AuthorizationService"/> and of the snapshots it builds.</summary>
public sealed class AuthorizationOptions
{
    /// <summary>
    /// Where the policy comes from: a directory (the default) or the store's current policy revision, which every
    /// instance switches to through the change feed.
    /// </summary>
    public PolicySourceKind PolicySource { get; set; } = PolicySourceKind.Directory;

    /// <summary>The policy directory (<c>policies/</c>). Required by <see cref="AuthorizationService"/> when <see cref="PolicySource"/> is <see cref="PolicySourceKind.Directory"/>.</summary>
    public string PolicyDirectory { get; set; } = "policies";

    /// <summary>Gets the bounds on reading and parsing the policy directory (file size and count, links, YAML depth).</summary>
    public PolicyLoadingOptions Loading { get; init; } = new();

    /// <summary>Whether file changes in <see cref="PolicyDirectory"/> trigger a reload (directory source only). Default true.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long the directory must stay quiet after a change before it is reloaded (an editor's save is several events). Default 300 ms.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Whether a reload runs the policy tests (<c>*_test.yaml</c>) and refuses the change when one fails. Default true.</summary>
    public bool RunPolicyTestsOnReload { get; set; } = true;

    /// <summary>Whether decisions are cached per snapshot (never stale: a new snapshot has a new cache). Default true.</summary>
    public bool EnableDecisionCache { get; set; } = true;

    /// <summary>Decisions one snapshot's cache keeps at most (rounded up to a power of two). Default 65,536.</summary>
    public int DecisionCacheCapacity { get; set; } = 65_536;

    /// <summary>The clock for conditions, <c>context.time</c> and status times. The system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
