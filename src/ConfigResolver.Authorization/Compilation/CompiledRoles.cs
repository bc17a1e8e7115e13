using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Policy.Model;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>The compiled roles file: declared scopes, roles with inheritance expanded, and the policy lines they become.</summary>
/// <remarks>Immutable.</remarks>
internal sealed class CompiledRoles
{
    public CompiledRoles(
        string file,
        ImmutableArray<string> scopes,
        FrozenDictionary<string, RoleInfo> roles,
        RoleInfo? platformRole)
    {
        File = file;
        Scopes = scopes;
        Roles = roles;
        PlatformRole = platformRole;
        ScopeParts = scopes.ToFrozenDictionary(static s => s, static s => (s[..s.IndexOf(':', StringComparison.Ordinal)], s[(s.IndexOf(':', StringComparison.Ordinal) + 1)..]), StringComparer.Ordinal);
        var ordered = roles.Values.OrderBy(static r => r.Order).ToArray();
        RolesGranting = scopes.ToFrozenDictionary(
            static s => s,
            s => ordered.Where(r => r.Grants.ContainsKey(s)).Select(static r => r.Name).ToImmutableArray(),
            StringComparer.Ordinal);
        PolicyLines = [.. ordered.SelectMany(static r => r.Grants.Keys.Order(StringComparer.Ordinal).Select(s =>
        {
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            return new PolicyLine("p", [r.Subject, "*", s[..colon], s[(colon + 1)..]], 0);
        }))];
        Subjects = ordered.ToFrozenDictionary(static r => r.Subject, static r => r, StringComparer.Ordinal);
        OfMembership = [.. Enum.GetValues<MembershipRole>().Order().Select(m => roles.GetValueOrDefault(TenancyNames.ToName(m)))];
    }

    /// <summary>The role a membership holds, by <see cref="MembershipRole"/> value (a check looks it up without naming it).</summary>
    public RoleInfo?[] OfMembership { get; }

    /// <summary>The roles file, as named in diagnostics.</summary>
    public string File { get; }

    /// <summary>Declared scopes, in file order.</summary>
    public ImmutableArray<string> Scopes { get; }

    /// <summary>Roles by name.</summary>
    public FrozenDictionary<string, RoleInfo> Roles { get; }

    /// <summary>Roles by Casbin subject (<c>role:admin</c>).</summary>
    public FrozenDictionary<string, RoleInfo> Subjects { get; }

    /// <summary>The role platform administrators hold in every organization, if declared.</summary>
    public RoleInfo? PlatformRole { get; }

    /// <summary>Each declared scope split into its resource and verb (the model's <c>obj</c> and <c>act</c>), so a check splits nothing.</summary>
    public FrozenDictionary<string, (string Resource, string Verb)> ScopeParts { get; }

    /// <summary>For each declared scope, the roles that grant it, in declaration order.</summary>
    public FrozenDictionary<string, ImmutableArray<string>> RolesGranting { get; }

    /// <summary>One <c>p, role:&lt;name&gt;, *, resource, verb</c> line per role and granted scope.</summary>
    public ImmutableArray<PolicyLine> PolicyLines { get; }
}
