namespace ConfigResolver.Policy.Model;

/// <summary>A role definition such as <c>g = _, _</c> (no domains) or <c>g = _, _, _</c> (with a domain).</summary>
/// <param name="Key">The key: <c>g</c>, <c>g2</c>, ...</param>
/// <param name="Text">The definition as written.</param>
/// <param name="ArgumentCount">How many <c>_</c> it has; a grouping rule needs at least this many fields.</param>
public sealed record RoleDefinition(string Key, string Text, int ArgumentCount)
{
    /// <summary>Whether links carry a domain (three or more <c>_</c>), as in RBAC with domains.</summary>
    public bool HasDomains => ArgumentCount > 2;
}
