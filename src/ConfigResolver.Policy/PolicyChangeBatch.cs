using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy;

/// <summary>
/// Rule and role-link changes of any types, in order, that <see cref="Enforcer.Apply"/> publishes as one snapshot:
/// readers see either none of them or all of them, and the index and role closures are updated once for the whole batch.
/// </summary>
/// <remarks>
/// Not safe for concurrent use while it is being filled. Each change behaves as the single call would at its place in the
/// sequence: adding a rule that is present, or removing or updating one that is absent, changes nothing.
/// </remarks>
public sealed class PolicyChangeBatch
{
    private readonly List<PolicyChange> _changes = [];

    /// <summary>Number of changes in the batch.</summary>
    public int Count => _changes.Count;

    internal IReadOnlyList<PolicyChange> Changes => _changes;

    /// <summary>Adds a rule (or, for a role type such as <c>g</c>, a role link).</summary>
    /// <param name="ptype">Policy or role type, e.g. <c>p</c> or <c>g</c>.</param>
    /// <param name="rule">The rule's fields.</param>
    /// <returns>This batch.</returns>
    public PolicyChangeBatch Add(string ptype, params string[] rule) => Append(new PolicyChange(ptype, PolicyChangeKind.Add, Copy(rule)));

    /// <summary>Removes a rule or role link.</summary>
    /// <param name="ptype">Policy or role type.</param>
    /// <param name="rule">The rule's fields.</param>
    /// <returns>This batch.</returns>
    public PolicyChangeBatch Remove(string ptype, params string[] rule) => Append(new PolicyChange(ptype, PolicyChangeKind.Remove, Copy(rule)));

    /// <summary>Replaces a rule in place (only when it exists and the new one does not), as <see cref="Enforcer.UpdateNamedPolicy"/>.</summary>
    /// <param name="ptype">Policy or role type.</param>
    /// <param name="oldRule">The rule to replace.</param>
    /// <param name="newRule">Its replacement.</param>
    /// <returns>This batch.</returns>
    public PolicyChangeBatch Update(string ptype, string[] oldRule, string[] newRule) =>
        Append(new PolicyChange(ptype, PolicyChangeKind.Update, Copy(oldRule), Copy(newRule)));

    internal PolicyChangeBatch Append(PolicyChange change)
    {
        ArgumentNullException.ThrowIfNull(change.Type);
        _changes.Add(change);
        return this;
    }

    private static string[] Copy(string[] rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return [.. rule];
    }
}
