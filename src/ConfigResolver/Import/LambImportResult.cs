using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Import;

/// <summary>What happened to one LAMB organization, user or membership.</summary>
/// <param name="Kind"><c>organization</c>, <c>user</c> or <c>membership</c>.</param>
/// <param name="Subject">How to name it: the organization's slug, the user's email (or <c>LAMB user 7</c> without one), <c>email in slug</c>.</param>
/// <param name="Outcome">Imported, skipped or rejected.</param>
/// <param name="Reason">Why it was skipped or rejected, or a note on an import (a promotion to owner); null otherwise.</param>
/// <param name="Diagnostics">For a rejection, every problem (codes and JSON pointers); never a secret.</param>
public sealed record LambImportResult(string Kind, string Subject, LambImportOutcome Outcome, string? Reason, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Gets LAMB's id of the organization or user, when it has one.</summary>
    public long? LambId { get; init; }

    /// <summary>Gets the organization's slug in the store: for an organization, where LAMB's goes (LAMB's system organization goes to the store's); for a membership, its organization.</summary>
    public string? Organization { get; init; }

    /// <summary>Gets, for a user or membership, the email.</summary>
    public string? Email { get; init; }

    /// <summary>Gets, for a membership, the role as written (after any promotion to owner).</summary>
    public string? Role { get; init; }
}
