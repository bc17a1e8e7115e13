using System.Collections.Immutable;

namespace ConfigResolver.Policy;

/// <summary>The outcome of <see cref="Enforcer.EnforceEx(object?[])"/>: the decision and why.</summary>
/// <param name="Allowed">The decision.</param>
/// <param name="Explain">The policy rule that decided it (its fields, without the type), or empty when no single rule did.</param>
/// <param name="Revision">The revision of the snapshot that answered.</param>
/// <param name="UsedScan">Whether some matcher terms were evaluated by scanning rules instead of an index lookup.</param>
public sealed record EnforceResult(bool Allowed, ImmutableArray<string> Explain, long Revision, bool UsedScan);
