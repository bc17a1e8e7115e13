namespace ConfigResolver;

/// <summary>
/// Deployment-wide settings for stores, the resolver and the administration service (Options pattern:
/// bind it from configuration or pass <c>Options.Create(new ResolverOptions { ... })</c>).
/// </summary>
/// <remarks>Read once when a component is constructed; later changes have no effect on that component.</remarks>
public sealed class ResolverOptions
{
    /// <summary>The environment prefix used unless <see cref="EnvironmentPrefix"/> is set.</summary>
    public const string DefaultEnvironmentPrefix = "CFGR";

    /// <summary>How often an embedded store (SQLite, LiteDB) checks for other processes' writes unless <see cref="ChangePollInterval"/> is set.</summary>
    public static readonly TimeSpan DefaultChangePollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long change-log rows are kept unless <see cref="ChangeLogRetention"/> is set.</summary>
    public static readonly TimeSpan DefaultChangeLogRetention = TimeSpan.FromDays(7);

    /// <summary>Gets or sets the slug of the system organization a store creates on first open. Default <c>system</c>.</summary>
    public string SystemSlug { get; set; } = Tenancy.TenancyRules.DefaultSystemSlug;

    /// <summary>
    /// Gets the providers whose operator API key (environment or system organization) every organization
    /// may use, in addition to the organizations that opt in themselves. <c>*</c> shares every provider's key.
    /// Empty by default: nothing is shared unless an organization opts in.
    /// </summary>
    public IList<string> SharedProviderApiKeys { get; } = [];

    /// <summary>Gets or sets whether every organization may use the operator's knowledge-base server key. Default false.</summary>
    public bool ShareKbServerApiKey { get; set; }

    /// <summary>Gets or sets whether every organization may use the operator's library server token (<c>LAMB_LIBRARY_TOKEN</c>). Default false.</summary>
    public bool ShareLibraryApiKey { get; set; }

    /// <summary>
    /// Gets or sets the prefix of the generic environment form: <c>CFGR__providers__openai__base_url</c> sets
    /// <c>/providers/openai/base_url</c>. Default <c>CFGR</c>.
    /// </summary>
    public string EnvironmentPrefix { get; set; } = DefaultEnvironmentPrefix;

    /// <summary>
    /// Gets or sets whether the LAMB environment names (<c>OPENAI_API_KEY</c>, <c>LAMB_KB_SERVER</c>, ...) are read.
    /// Default true.
    /// </summary>
    public bool UseLambEnvironmentNames { get; set; } = true;

    /// <summary>
    /// Gets extra or replacement environment mappings: environment key to resolved-view pointer, for example
    /// <c>MISTRAL_API_KEY</c> to <c>/providers/mistral/api_key</c>. Mapping a LAMB name to an empty string turns it off.
    /// </summary>
    public IDictionary<string, string> EnvironmentMapping { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the bounds every organization document is checked against before it is stored (size, depth, counts).</summary>
    public Validation.DocumentLimits DocumentLimits { get; } = new();
    /// <summary>
    /// Gets or sets how often an embedded store (SQLite, LiteDB) checks whether another process wrote (SQLite first asks
    /// <c>PRAGMA data_version</c>, which costs no file read, and reads the change log only when it moved). Default 100 ms;
    /// <see cref="Timeout.InfiniteTimeSpan"/> or zero turns polling off (the store then sees only its own writes).
    /// </summary>
    public TimeSpan ChangePollInterval { get; set; } = DefaultChangePollInterval;

    /// <summary>
    /// Gets or sets how long change-log rows are kept. Older rows are pruned as writes commit (the newest row always
    /// stays); an instance that falls further behind than this re-reads everything instead of catching up row by row.
    /// Default 7 days.
    /// </summary>
    public TimeSpan ChangeLogRetention { get; set; } = DefaultChangeLogRetention;
}
