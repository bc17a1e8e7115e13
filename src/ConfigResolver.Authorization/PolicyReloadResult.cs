using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Authorization;

/// <summary>The outcome of one policy reload.</summary>
/// <param name="Succeeded">Whether the new policy was published.</param>
/// <param name="Revision">The revision serving after the attempt (unchanged when it failed).</param>
/// <param name="Diagnostics">Why it failed (file:line:col each), sorted; empty on success.</param>
/// <param name="At">When the attempt finished.</param>
public sealed record PolicyReloadResult(bool Succeeded, long Revision, ImmutableArray<Diagnostic> Diagnostics, DateTimeOffset At);
