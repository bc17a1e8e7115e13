namespace ConfigResolver.Hosting;

/// <summary>The policy section (<c>ConfigResolver:Policies</c>).</summary>
public sealed class PolicySettings
{
    /// <summary>Gets or sets where policies come from; <see cref="PolicySource.None"/> (no authorization) by default.</summary>
    public PolicySource Source { get; set; }

    /// <summary>Gets or sets the policy directory; required when <see cref="Source"/> is <see cref="PolicySource.Directory"/>.</summary>
    public string? Directory { get; set; }

    /// <summary>Gets or sets whether edits to the directory are reloaded (compiled and tested off to the side first). Default true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Gets or sets how long the watcher waits for a burst of edits to settle. Default 300 ms.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets or sets whether a reload must pass the directory's <c>*_test.yaml</c> suites to be published. Default true.</summary>
    public bool RunTestsOnReload { get; set; } = true;
}
