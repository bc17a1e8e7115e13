using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>
    /// Applies every change of a batch (rules and role links of any types) and publishes one snapshot for all of them.
    /// </summary>
    /// <param name="batch">The changes, in order.</param>
    /// <returns>Whether anything changed (a new snapshot was published).</returns>
    /// <exception cref="PolicyCompilationException">
    /// A type is unknown, an added rule has the wrong size, or the links would close a cycle in a definition without
    /// domains; nothing changes.
    /// </exception>
    /// <remarks>
    /// Readers see the state before the batch or after all of it, never a part. Costs one update of each touched index
    /// and role manager for the whole batch instead of one per change.
    /// </remarks>
    public bool Apply(PolicyChangeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var change in batch.Changes)
        {
            RequireType(change.Type);
            if (change.Kind != PolicyChangeKind.Remove)
            {
                RequireSize(change.Type, change.NewRule ?? change.Rule);
            }
        }

        var changed = false;
        Publish(s =>
        {
            var next = PolicySnapshotChanges.WithBatch(s, batch.Changes);
            changed = !ReferenceEquals(next, s);
            return next;
        });
        return changed;
    }
}
