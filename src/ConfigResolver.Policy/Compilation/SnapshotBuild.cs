using System.Collections.Frozen;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// The working state of one <see cref="PolicySnapshotBuilder"/> run: the inputs, the problems found so far, and the
/// artifact of each stage that has run (null until it has). Used by one thread, then dropped; only the published
/// <see cref="Snapshot"/> outlives it.
/// </summary>
internal sealed class SnapshotBuild(PolicyModel model, IReadOnlyList<PolicyLine> lines, string? policySource, EnforcerSettings settings, long revision)
{
    public PolicyModel Model { get; } = model;

    public IReadOnlyList<PolicyLine> Lines { get; } = lines;

    /// <summary>The policy's file or source name, for diagnostics.</summary>
    public string? PolicySource { get; } = policySource;

    public EnforcerSettings Settings { get; } = settings;

    public long Revision { get; } = revision;

    /// <summary>Every problem found so far (parse problems of the model and the lines may already be here).</summary>
    public List<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>CompileModel: the model with its default matcher compiled; null when it did not compile.</summary>
    public CompiledModel? Compiled { get; set; }

    /// <summary>ValidateLines: the valid rules of every type the model defines, in file order.</summary>
    public Dictionary<string, List<string[]>>? ByType { get; set; }

    /// <summary>OrderRules: the rules of every type in evaluation order.</summary>
    public FrozenDictionary<string, RuleList>? Rules { get; set; }

    /// <summary>BuildRoleManagers: one role manager per role definition, in <see cref="CompiledModel.RoleKeys"/> order.</summary>
    public RoleManager[]? RoleManagers { get; set; }

    /// <summary>Publish: the snapshot.</summary>
    public PolicySnapshot? Snapshot { get; set; }
}
