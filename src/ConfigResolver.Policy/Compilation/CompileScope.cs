using System.Collections.Frozen;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Compilation;

/// <summary>What a matcher is compiled against: one request and one policy definition, the role functions and the functions.</summary>
internal sealed record CompileScope(
    TokenDefinition Request,
    TokenDefinition Policy,
    FrozenDictionary<string, int> RoleIndexes,
    FunctionTable Functions,
    string? SourceName)
{
    /// <summary>
    /// For conditions: request tokens are named without a prefix (<c>principal.id</c>, not <c>r.principal.id</c>)
    /// and member access is checked against these shapes (in token order). Null for Casbin matchers.
    /// </summary>
    public Conditions.FieldShape[]? BareShapes { get; init; }
}
