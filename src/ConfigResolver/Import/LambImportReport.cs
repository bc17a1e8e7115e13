using System.Collections.Immutable;

namespace ConfigResolver.Import;

/// <summary>Everything an import did (or, in a dry run, would do), in LAMB's id order.</summary>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Organizations">One result per LAMB organization.</param>
/// <param name="Users">One result per LAMB user.</param>
/// <param name="Memberships">One result per membership (explicit roles, and LAMB's implicit <c>member</c> of a user's organization).</param>
/// <param name="SharedKeys">Imported organizations that hold the system organization's provider key.</param>
public sealed record LambImportReport(
    bool DryRun,
    ImmutableArray<LambImportResult> Organizations,
    ImmutableArray<LambImportResult> Users,
    ImmutableArray<LambImportResult> Memberships,
    ImmutableArray<SharedOperatorKey> SharedKeys)
{
    /// <summary>Gets whether any row was rejected (the CLI then exits 1).</summary>
    public bool HasRejections =>
        Organizations.Concat(Users).Concat(Memberships).Any(static r => r.Outcome == LambImportOutcome.Rejected);

    /// <summary>Counts the results of one kind by outcome.</summary>
    /// <param name="results">The organizations, users or memberships.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>How many.</returns>
    public static int Count(ImmutableArray<LambImportResult> results, LambImportOutcome outcome) =>
        results.Count(r => r.Outcome == outcome);
}
