using System.Collections.Immutable;

namespace ConfigResolver.Policy.Model;

/// <summary>One rule read from a policy file: its type (<c>p</c>, <c>g2</c>, ...), its fields and where it was.</summary>
/// <param name="Type">The policy or role type named by the first field.</param>
/// <param name="Fields">The remaining fields.</param>
/// <param name="Line">One-based line in the policy file, or 0 for rules that did not come from a file.</param>
public sealed record PolicyLine(string Type, ImmutableArray<string> Fields, int Line);
