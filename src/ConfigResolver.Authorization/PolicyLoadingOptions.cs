namespace ConfigResolver.Authorization;

/// <summary>
/// Bounds on reading and parsing a policy directory. Every limit hit is a coded diagnostic naming the file (and line
/// and column where there is one), and a reload that hits one leaves the previous policy in force.
/// </summary>
/// <remarks>
/// Set through <see cref="AuthorizationOptions.Loading"/> or pass to <see cref="PolicyLoader.LoadDirectory(string, string?, TimeProvider?, PolicyLoadingOptions?)"/>.
/// The defaults are far above what a policy directory needs. All limits are listed in <c>docs/limits.md</c>.
/// </remarks>
public sealed class PolicyLoadingOptions
{
    /// <summary>Gets a new instance with the defaults (a new one each time, so no caller can change another's limits).</summary>
    public static PolicyLoadingOptions Default => new();

    /// <summary>Gets or sets the largest policy file in bytes (<c>POL2027</c>). Default 4 MiB.</summary>
    public long MaxFileBytes { get; set; } = 4L << 20;

    /// <summary>Gets or sets the most entries one folder may hold (<c>POL2027</c>). Default 1,000.</summary>
    public int MaxEntriesPerDirectory { get; set; } = 1000;

    /// <summary>Gets or sets the most policy files the whole directory may hold (<c>POL2027</c>). Default 10,000.</summary>
    public int MaxFiles { get; set; } = 10_000;

    /// <summary>Gets or sets how deep folders may nest below the policy directory (<c>POL2027</c>). Default 16.</summary>
    public int MaxDirectoryDepth { get; set; } = 16;

    /// <summary>Gets or sets how deep YAML mappings and lists may nest (<c>POL2025</c>). Default 64.</summary>
    public int MaxYamlDepth { get; set; } = 64;

    /// <summary>
    /// Gets or sets whether a symbolic link may lead outside the policy directory (<c>POL2026</c> when not). Default false.
    /// Links are followed once per real path either way: a cycle or a second way to the same place is refused.
    /// </summary>
    public bool AllowLinksOutsideRoot { get; set; }
}
