using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Policy;

/// <summary>
/// A Casbin-compatible enforcer: loads a model and policy, answers <c>Enforce</c> calls, and offers Casbin's
/// management and RBAC APIs. Existing Casbin model and policy files work unchanged.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Every check reads one immutable <see cref="PolicySnapshot"/>; every change builds the
/// next snapshot off to the side and publishes it with one atomic reference write, so checks never wait for
/// writers, never throw because of a concurrent change and never see a half-applied one. Writers are serialized.
/// A rejected change (a role cycle, a malformed rule) leaves the current snapshot in force.
/// </remarks>
public sealed partial class Enforcer
{
    private readonly Lock _writeLock = new();
    private readonly string? _policySource;

    // The current snapshot. Readers copy it to a local once per call; writers replace it under _writeLock.
    private volatile PolicySnapshot _snapshot;
    private volatile bool _enabled = true;

    /// <summary>Creates an enforcer from a model file and an optional policy file.</summary>
    /// <param name="modelPath">Path of the model (<c>.conf</c>).</param>
    /// <param name="policyPath">Path of the policy (<c>.csv</c>), or null for no policy.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <exception cref="PolicyCompilationException">The model or policy is rejected; every problem in both is listed with file, line and column.</exception>
    public Enforcer(string modelPath, string? policyPath = null, EnforcerOptions? options = null)
        : this(Source.Read(modelPath, options), policyPath is null ? null : Source.Read(policyPath, options), options)
    {
    }

    /// <summary>Creates an enforcer from a parsed model and policy lines.</summary>
    /// <param name="model">The model.</param>
    /// <param name="policy">Policy lines, or null for none.</param>
    /// <param name="policySource">Name of the policy's source, used in diagnostics.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <exception cref="PolicyCompilationException">The model or policy is rejected.</exception>
    public Enforcer(PolicyModel model, IEnumerable<PolicyLine>? policy = null, string? policySource = null, EnforcerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _policySource = policySource;
        _snapshot = Load(model, [.. policy ?? []], policySource, options ?? new EnforcerOptions(), []);
    }

    private Enforcer(Source model, Source? policy, EnforcerOptions? options)
    {
        _policySource = policy?.Name;
        var diagnostics = new List<Diagnostic>();
        var parsed = ModelParser.Parse(model.Text, model.Name, diagnostics);
        var lines = policy is null ? [] : PolicyCsv.Parse(policy.Text, policy.Name, diagnostics);
        _snapshot = Load(parsed, lines, policy?.Name, options ?? new EnforcerOptions(), diagnostics);
    }

    /// <summary>Creates an enforcer from model text and optional policy text.</summary>
    /// <param name="modelText">The model in Casbin's <c>.conf</c> syntax.</param>
    /// <param name="policyText">The policy in Casbin's CSV syntax, or null.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The enforcer.</returns>
    /// <exception cref="PolicyCompilationException">The model or policy is rejected.</exception>
    public static Enforcer FromText(string modelText, string? policyText = null, EnforcerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        return new(new Source("model.conf", modelText), policyText is null ? null : new Source("policy.csv", policyText), options);
    }

    /// <summary>Creates an enforcer from streams holding the model and the policy.</summary>
    /// <param name="model">The model stream (UTF-8).</param>
    /// <param name="policy">The policy stream (UTF-8), or null.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The enforcer.</returns>
    /// <exception cref="PolicyCompilationException">The model or policy is rejected.</exception>
    public static Enforcer FromStreams(Stream model, Stream? policy = null, EnforcerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var modelReader = new StreamReader(model);
        string? policyText = null;
        if (policy is not null)
        {
            using var policyReader = new StreamReader(policy);
            policyText = policyReader.ReadToEnd();
        }

        return FromText(modelText: modelReader.ReadToEnd(), policyText, options);
    }

    /// <summary>The snapshot currently answering checks.</summary>
    public PolicySnapshot Snapshot => _snapshot;

    /// <summary>The model.</summary>
    public PolicyModel Model => _snapshot.Model;

    /// <summary>Revision of the current snapshot; increases with every published change.</summary>
    public long Revision => _snapshot.Revision;

    /// <summary>Switches the decision cache on or off (Casbin.NET's <c>EnableCache</c>); off measures the uncached cost.</summary>
    /// <param name="enable">Whether to cache.</param>
    /// <remarks>Publishes a snapshot with the setting (indexes and role managers are shared, the cache starts empty).</remarks>
    public void EnableCache(bool enable) =>
        Publish(s => s.Settings.CacheEnabled == enable ? s : PolicySnapshotChanges.WithFlags(s, s.Settings with { CacheEnabled = enable }, s.Revision + 1));

    /// <summary>Casbin's <c>EnableEnforce</c>: when disabled every check is allowed.</summary>
    /// <param name="enable">Whether to enforce.</param>
    public void EnableEnforce(bool enable) => _enabled = enable;

    /// <summary>Casbin's <c>EnableAcceptJsonRequest</c>: request strings starting with <c>{</c> or <c>[</c> are parsed as JSON objects.</summary>
    /// <param name="enable">Whether to parse them.</param>
    public void EnableAcceptJsonRequest(bool enable) =>
        Publish(s => PolicySnapshotChanges.WithFlags(s, s.Settings with { AcceptJsonRequest = enable }, s.Revision + 1));

    /// <summary>Test hook: with the index off every request is scanned, the reference the index is checked against.</summary>
    internal void EnableIndex(bool enable) =>
        Publish(s => s.Settings.IndexEnabled == enable ? s : PolicySnapshotChanges.WithFlags(s, s.Settings with { IndexEnabled = enable }, s.Revision + 1));

    /// <summary>
    /// Builds the first snapshot through <see cref="PolicySnapshotBuilder.Stages"/>, collecting problems from the model's,
    /// the matcher's and the policy lines' stages so they are reported together.
    /// </summary>
    private static PolicySnapshot Load(PolicyModel model, IReadOnlyList<PolicyLine> lines, string? policySource, EnforcerOptions options,
        List<Diagnostic> diagnostics) =>
        PolicySnapshotBuilder.Build(model, lines, policySource, options, diagnostics);

    private sealed record Source(string Name, string Text)
    {
        public static Source Read(string path, EnforcerOptions? options)
        {
            ArgumentNullException.ThrowIfNull(path);
            return new Source(path, SourceFile.Read(path, options?.MaxFileBytes ?? SourceFile.DefaultMaxBytes));
        }
    }

    /// <summary>Builds and publishes the next snapshot; if building throws, the current one stays in force.</summary>
    private PolicySnapshot Publish(Func<PolicySnapshot, PolicySnapshot> next)
    {
        lock (_writeLock)
        {
            var built = next(_snapshot);
            _snapshot = built;
            return built;
        }
    }
}
