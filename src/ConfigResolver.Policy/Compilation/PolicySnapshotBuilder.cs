using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// Compiles a model and its policy lines into the first <see cref="PolicySnapshot"/>, through the named stages of
/// <see cref="Stages"/>, in that order (as OPA's compiler lists its stages). Each stage reads what the earlier ones
/// left in the <see cref="SnapshotBuild"/> and adds its own artifact; each can be run and tested on its own.
/// Later snapshots (a rule change, a setting, a registered function) reuse the same stage methods on the parts
/// that changed; see <see cref="PolicySnapshotChanges"/>.
/// </summary>
internal static partial class PolicySnapshotBuilder
{
    /// <summary>
    /// The stages of a full build, in order. A stage that <see cref="SnapshotStage.StopsOnErrors"/> ends the build
    /// with every problem collected so far; the model stage does not, so a load reports the model's, the matcher's
    /// and the policy lines' problems together.
    /// </summary>
    public static ImmutableArray<SnapshotStage> Stages { get; } =
    [
        // The default matcher bound to the request and policy definitions (POL1005-POL1010); other contexts compile on first use.
        new("CompileModel", CompileModel, StopsOnErrors: false),

        // Lines grouped by type, each type known (POL1102) and each rule of the right size (POL1103); strings pooled.
        new("ValidateLines", ValidateLines, StopsOnErrors: true),

        // Go's load order: a stable sort on a 'priority' column, then subject depth for subjectPriority effects.
        new("OrderRules", OrderRules, StopsOnErrors: true),

        // One role manager per role definition with its matching functions and precomputed closures; cycles in
        // definitions without domains refused (POL1104). Needs the ordered 'g' rules.
        new("BuildRoleManagers", BuildRoleManagers, StopsOnErrors: true),

        // The snapshot: per-context state (index plan, rule index, decision cache) for the default context.
        new("Publish", Publish, StopsOnErrors: true),
    ];

    /// <summary>Builds the first snapshot of a model and its lines with the given options (no enforcer around it).</summary>
    /// <exception cref="PolicyCompilationException">The model or the lines have problems; every one is listed.</exception>
    public static PolicySnapshot Build(PolicyModel model, IReadOnlyList<PolicyLine> lines, string? policySource, EnforcerOptions options, List<Diagnostic>? diagnostics = null) =>
        Build(new SnapshotBuild(model, lines, policySource, EnforcerSettings.From(options), revision: 1) { Diagnostics = diagnostics ?? [] });

    /// <summary>Runs every stage; throws with every problem found up to the first stage that stops on errors.</summary>
    /// <exception cref="PolicyCompilationException">A stage found problems.</exception>
    public static PolicySnapshot Build(SnapshotBuild build)
    {
        foreach (var stage in Stages)
        {
            Run(stage, build);
        }

        return build.Snapshot!;
    }

    /// <summary>Runs one stage on a build whose earlier stages have run; throws when it stops on errors and there are some.</summary>
    /// <exception cref="PolicyCompilationException">The build has problems and the stage stops on them.</exception>
    public static void Run(SnapshotStage stage, SnapshotBuild build)
    {
        stage.Run(build);
        if (stage.StopsOnErrors && (build.Diagnostics.Count > 0 || build.Compiled is null))
        {
            // Functions the matcher calls but nobody registered yet only warn when the model and the lines are fine
            // (casbin's order: load, then AddFunction); when they are not, they are reported as errors with the rest.
            // Problems of later stages (a role cycle) are reported on their own.
            var deferred = build.Rules is null ? build.Compiled?.Warnings.Select(static w => w with { Severity = DiagnosticSeverity.Error }) ?? [] : [];
            throw new PolicyCompilationException(build.Diagnostics.Concat(deferred));
        }
    }

    private static void CompileModel(SnapshotBuild build)
    {
        var model = build.Model;
        var hasSections = model.RequestDefinitions.ContainsKey("r") && model.PolicyDefinitions.ContainsKey("p") && model.Matchers.ContainsKey("m");
        build.Compiled = hasSections ? CompiledModel.TryCreate(model, BuiltInFunctionTable.Create(build.Settings.TimeProvider), build.Diagnostics) : null;
    }

    private static void ValidateLines(SnapshotBuild build) =>
        build.ByType = LineValidation.GroupByType(build.Model, build.Lines, build.PolicySource, build.Diagnostics);

    private static void OrderRules(SnapshotBuild build)
    {
        var model = build.Model;
        var byType = build.ByType!;
        foreach (var (key, definition) in model.PolicyDefinitions)
        {
            byType[key] = RuleOrdering.SortByPriority(byType[key], definition);
        }

        if (model.Effects.TryGetValue("e", out var effect) && effect.Kind == EffectKind.SubjectPriority)
        {
            var links = byType.GetValueOrDefault("g") ?? [];
            foreach (var (key, definition) in model.PolicyDefinitions)
            {
                byType[key] = RuleOrdering.SortBySubjectHierarchy(byType[key], definition, links);
            }
        }

        build.Rules = byType.ToFrozenDictionary(static kv => kv.Key, static kv => RuleList.From(kv.Value), StringComparer.Ordinal);
    }

    private static void BuildRoleManagers(SnapshotBuild build) =>
        build.RoleManagers = RoleManagerStage.BuildAll(build.Compiled!, build.Rules!, build.Settings, build.PolicySource, build.Lines, build.Diagnostics);

    private static void Publish(SnapshotBuild build) =>
        build.Snapshot = new PolicySnapshot(build.Revision, build.Compiled!, build.Rules!, build.RoleManagers!, build.Settings, []);
}
