using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>Where a role's grant of one scope comes from: the scope pattern that matched it, on which role.</summary>
/// <param name="Role">The role whose <c>scopes</c> list holds the pattern (the role itself or one it inherits).</param>
/// <param name="Pattern">The pattern as written (<c>agents:*</c>).</param>
/// <param name="Where">Its position, <c>file:line:col</c>.</param>
internal sealed record ScopeOrigin(string Role, string Pattern, string Where);

/// <summary>A compiled role: its Casbin subject, the roles it includes, and every scope it grants.</summary>
internal sealed class RoleInfo(string name, int order, ImmutableArray<string> effectiveRoles, FrozenDictionary<string, ScopeOrigin> grants)
{
    public string Name { get; } = name;

    /// <summary>Position in the roles file, for stable messages.</summary>
    public int Order { get; } = order;

    /// <summary>The Casbin subject of the role's policy lines: <c>role:&lt;name&gt;</c>.</summary>
    public string Subject { get; } = "role:" + name;

    /// <summary>The role and every role it inherits, directly or not, in declaration order (what <c>principal.roles</c> holds).</summary>
    public ImmutableArray<string> EffectiveRoles { get; } = effectiveRoles;

    /// <summary>Every concrete scope the role grants, inherited ones included, with where each grant comes from.</summary>
    public FrozenDictionary<string, ScopeOrigin> Grants { get; } = grants;

    /// <summary><see cref="EffectiveRoles"/> as an array shared by every check (conditions read it, never write it).</summary>
    public string[] EffectiveRoleArray { get; } = [.. effectiveRoles];
}
