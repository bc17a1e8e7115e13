using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Authorization;

/// <summary>What an <see cref="AuthorizationService"/> is serving and how its last reload went.</summary>
/// <param name="Revision">Revision of the snapshot serving now.</param>
/// <param name="LastSuccessfulReload">When the serving policy was loaded.</param>
/// <param name="LastAttempt">When the last reload attempt finished.</param>
/// <param name="LastErrors">The diagnostics of the last attempt if it failed; empty when it succeeded.</param>
public sealed record AuthorizationStatus(long Revision, DateTimeOffset LastSuccessfulReload, DateTimeOffset LastAttempt, ImmutableArray<Diagnostic> LastErrors)
{
    /// <summary>Gets the store's policy revision serving now, when policies come from the store (<see cref="PolicySourceKind.Store"/>); null for a directory.</summary>
    public Storage.PolicyRevisionInfo? PolicyRevision { get; init; }

    /// <summary>Whether the last reload attempt failed (the previous policy keeps serving).</summary>
    public bool LastReloadFailed => !LastErrors.IsEmpty;
}
