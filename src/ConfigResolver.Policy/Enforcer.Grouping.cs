namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>The role links of type <c>g</c>.</summary>
    /// <returns>Copies of the rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetGroupingPolicy() => GetNamedPolicy("g");

    /// <summary>The role links of a role type, e.g. <c>g2</c>.</summary>
    /// <param name="ptype">Role type.</param>
    /// <returns>Copies of the rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetNamedGroupingPolicy(string ptype) => GetNamedPolicy(ptype);

    /// <summary>Role links of type <c>g</c> matched by a field filter (an empty value matches anything).</summary>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Matching rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetFilteredGroupingPolicy(int fieldIndex, params string[] fieldValues) => GetFilteredNamedPolicy("g", fieldIndex, fieldValues);

    /// <summary>Role links of a role type matched by a field filter.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Matching rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetFilteredNamedGroupingPolicy(string ptype, int fieldIndex, params string[] fieldValues) => GetFilteredNamedPolicy(ptype, fieldIndex, fieldValues);

    /// <summary>Whether a role link of type <c>g</c> exists.</summary>
    /// <param name="rule">The link's fields.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasGroupingPolicy(params string[] rule) => HasNamedPolicy("g", rule);

    /// <summary>Whether a role link of a role type exists.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="rule">The link's fields.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasNamedGroupingPolicy(string ptype, params string[] rule) => HasNamedPolicy(ptype, rule);

    /// <summary>Adds a role link of type <c>g</c>.</summary>
    /// <param name="rule">The link: name, role[, domain].</param>
    /// <returns><see langword="false"/> when it already existed.</returns>
    /// <exception cref="Diagnostics.PolicyCompilationException">The link is malformed or would close a cycle in a definition without domains; nothing changes.</exception>
    public bool AddGroupingPolicy(params string[] rule) => AddNamedPolicy("g", rule);

    /// <summary>Adds a role link of a role type.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="rule">The link.</param>
    /// <returns><see langword="false"/> when it already existed.</returns>
    public bool AddNamedGroupingPolicy(string ptype, params string[] rule) => AddNamedPolicy(ptype, rule);

    /// <summary>Adds several role links of type <c>g</c> at once: if any already exists, none is added.</summary>
    /// <param name="rules">The links.</param>
    /// <returns>Whether they were added.</returns>
    public bool AddGroupingPolicies(IEnumerable<string[]> rules) => AddNamedPolicies("g", rules);

    /// <summary>Adds several role links of a role type at once.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="rules">The links.</param>
    /// <returns>Whether they were added.</returns>
    public bool AddNamedGroupingPolicies(string ptype, IEnumerable<string[]> rules) => AddNamedPolicies(ptype, rules);

    /// <summary>Removes a role link of type <c>g</c>.</summary>
    /// <param name="rule">The link.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveGroupingPolicy(params string[] rule) => RemoveNamedPolicy("g", rule);

    /// <summary>Removes a role link of a role type.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="rule">The link.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveNamedGroupingPolicy(string ptype, params string[] rule) => RemoveNamedPolicy(ptype, rule);

    /// <summary>Removes several role links of type <c>g</c> in one change.</summary>
    /// <param name="rules">The links.</param>
    /// <returns>Whether any existed.</returns>
    public bool RemoveGroupingPolicies(IEnumerable<string[]> rules) => RemoveNamedPolicies("g", rules);

    /// <summary>Removes several role links of a role type in one change.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="rules">The links.</param>
    /// <returns>Whether any existed.</returns>
    public bool RemoveNamedGroupingPolicies(string ptype, IEnumerable<string[]> rules) => RemoveNamedPolicies(ptype, rules);

    /// <summary>Removes the role links of type <c>g</c> matched by a field filter.</summary>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Whether any link was removed.</returns>
    public bool RemoveFilteredGroupingPolicy(int fieldIndex, params string[] fieldValues) => RemoveFilteredNamedPolicy("g", fieldIndex, fieldValues);

    /// <summary>Removes the role links of a role type matched by a field filter.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Whether any link was removed.</returns>
    public bool RemoveFilteredNamedGroupingPolicy(string ptype, int fieldIndex, params string[] fieldValues) => RemoveFilteredNamedPolicy(ptype, fieldIndex, fieldValues);

    /// <summary>Replaces a role link of type <c>g</c>.</summary>
    /// <param name="oldRule">The link to replace.</param>
    /// <param name="newRule">Its replacement.</param>
    /// <returns>Whether the old link existed.</returns>
    public bool UpdateGroupingPolicy(string[] oldRule, string[] newRule) => UpdateNamedPolicy("g", oldRule, newRule);

    /// <summary>Replaces a role link of a role type.</summary>
    /// <param name="ptype">Role type.</param>
    /// <param name="oldRule">The link to replace.</param>
    /// <param name="newRule">Its replacement.</param>
    /// <returns>Whether the old link existed.</returns>
    public bool UpdateNamedGroupingPolicy(string ptype, string[] oldRule, string[] newRule) => UpdateNamedPolicy(ptype, oldRule, newRule);
}
