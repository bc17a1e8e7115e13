using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy;

/// <summary>
/// Everything one enforce call reads, compiled and immutable: the model's matchers, the rules of every policy and
/// role type in evaluation order, the role managers, and the decision cache. Writers build the next snapshot off
/// to the side and publish it with one reference swap; a reader that holds a snapshot sees it unchanged.
/// </summary>
/// <remarks>Safe for concurrent use.</remarks>
public sealed partial class PolicySnapshot
{
    private readonly ConcurrentDictionary<EnforceContext, Lazy<ContextState>> _states = new();

    internal PolicySnapshot(long revision, CompiledModel compiled, FrozenDictionary<string, RuleList> rules,
        RoleManager[] roleManagers, EnforcerSettings settings, ImmutableArray<Diagnostic> diagnostics, PolicySnapshot? previous = null)
    {
        Revision = revision;
        Compiled = compiled;
        Rules = rules;
        RoleManagers = roleManagers;
        Settings = settings;
        Services = new EvaluationServices(roleManagers, settings.TimeProvider);
        DefaultState = CreateState(compiled.Default, previous?.DefaultState);
        DefaultCache = settings.CacheEnabled && DefaultState.Cacheable && !settings.AcceptJsonRequest ? DefaultState.Cache : null;
        diagnostics = diagnostics.AddRange(compiled.Warnings.Where(w => !diagnostics.Contains(w)));
        Diagnostics = DefaultState.Scans
            ? diagnostics.Add(new Diagnostic(PolicyDiagnosticCodes.UnindexedMatcher, $"matcher 'm': {DefaultState.Plan.Description}.", compiled.Model.SourceName, severity: DiagnosticSeverity.Warning))
            : diagnostics;
    }

    /// <summary>Increases by one with every published change; explanations report it.</summary>
    public long Revision { get; }

    /// <summary>The model this snapshot evaluates.</summary>
    public PolicyModel Model => Compiled.Model;

    /// <summary>Warnings and information produced while compiling (for example matcher terms that need a scan).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    internal CompiledModel Compiled { get; }

    /// <summary>Rules of every policy and role type the model defines, by key; empty lists included.</summary>
    internal FrozenDictionary<string, RuleList> Rules { get; }

    internal RoleManager[] RoleManagers { get; }

    internal EnforcerSettings Settings { get; }

    internal EvaluationServices Services { get; }

    /// <summary>Index, cache and matcher of the default context, built with the snapshot.</summary>
    internal ContextState DefaultState { get; }

    /// <summary>The default context's cache when string requests may be answered from it (cache on, cacheable matcher, no JSON parsing), else null.</summary>
    internal DecisionCache? DefaultCache { get; }

    /// <summary>How the default matcher finds rules: the index it uses, or why it scans.</summary>
    public string IndexDescription => DefaultState.Plan.Description;

    internal ContextState StateFor(EnforceContext context)
    {
        if (ReferenceEquals(context, EnforceContext.Default) || context == EnforceContext.Default)
        {
            return DefaultState;
        }

        return _states.GetOrAdd(context, static (c, self) => new Lazy<ContextState>(() => self.CreateState(self.Compiled.Get(c), null)), this).Value;
    }

    private ContextState CreateState(CompiledMatcher matcher, ContextState? previous) =>
        new(matcher, RulesOf(matcher.Context.PType), RoleManagers, Settings.CacheCapacity, previous);

    internal RuleList RulesOf(string key) => Rules.TryGetValue(key, out var list) ? list : RuleList.Empty;

    internal RoleManager? RoleManagerOf(string key) =>
        Compiled.RoleIndexes.TryGetValue(key, out var index) ? RoleManagers[index] : null;
}
