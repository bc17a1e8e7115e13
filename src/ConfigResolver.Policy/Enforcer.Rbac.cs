using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>Direct roles of a user (role type <c>g</c>), in a domain when the definition has domains.</summary>
    /// <param name="name">The user or role.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>The roles.</returns>
    public IReadOnlyList<string> GetRolesForUser(string name, string? domain = null) => [.. Roles().GetRoles(name, domain)];

    /// <summary>Users (or roles) that have a role directly.</summary>
    /// <param name="role">The role.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>The users.</returns>
    public IReadOnlyList<string> GetUsersForRole(string role, string? domain = null) => [.. Roles().GetUsers(role, domain)];

    /// <summary>Direct roles of a user in a domain.</summary>
    /// <param name="name">The user.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The roles.</returns>
    public IReadOnlyList<string> GetRolesForUserInDomain(string name, string domain) => GetRolesForUser(name, domain);

    /// <summary>Users that have a role directly in a domain.</summary>
    /// <param name="role">The role.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The users.</returns>
    public IReadOnlyList<string> GetUsersForRoleInDomain(string role, string domain) => GetUsersForRole(role, domain);

    /// <summary>Whether a user has a role directly.</summary>
    /// <param name="name">The user.</param>
    /// <param name="role">The role.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>Whether the user has it.</returns>
    public bool HasRoleForUser(string name, string role, string? domain = null) => GetRolesForUser(name, domain).Contains(role, StringComparer.Ordinal);

    /// <summary>Gives a user a role (adds the link <c>g, name, role[, domain]</c>).</summary>
    /// <param name="name">The user.</param>
    /// <param name="role">The role.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns><see langword="false"/> when the user already had it.</returns>
    public bool AddRoleForUser(string name, string role, string? domain = null) => AddGroupingPolicy(Link(name, role, domain));

    /// <summary>Takes a role from a user.</summary>
    /// <param name="name">The user.</param>
    /// <param name="role">The role.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>Whether the user had it.</returns>
    public bool DeleteRoleForUser(string name, string role, string? domain = null) => RemoveGroupingPolicy(Link(name, role, domain));

    /// <summary>Takes every role from a user (in a domain, when given).</summary>
    /// <param name="name">The user.</param>
    /// <param name="domain">The domain, or null for all domains.</param>
    /// <returns>Whether any link was removed.</returns>
    public bool DeleteRolesForUser(string name, string? domain = null) =>
        domain is null ? RemoveFilteredGroupingPolicy(0, name) : RemoveFilteredGroupingPolicy(0, name, string.Empty, domain);

    /// <summary>Removes a user: every link where it is the member, and every rule where it is the subject.</summary>
    /// <param name="name">The user.</param>
    /// <returns>Whether anything was removed.</returns>
    public bool DeleteUser(string name)
    {
        var links = RemoveFilteredGroupingPolicy(0, name);
        var rules = RemoveFilteredPolicy(SubjectIndex(), name);
        return links | rules;
    }

    /// <summary>Removes a role: every link granting it, and every rule where it is the subject.</summary>
    /// <param name="role">The role.</param>
    /// <returns>Whether anything was removed.</returns>
    public bool DeleteRole(string role)
    {
        var links = RemoveFilteredGroupingPolicy(1, role);
        var rules = RemoveFilteredPolicy(SubjectIndex(), role);
        return links | rules;
    }

    /// <summary>Rules of type <c>p</c> whose subject is the user (in the domain, when given and the policy has a <c>dom</c> column).</summary>
    /// <param name="name">The user or role.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>The rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetPermissionsForUser(string name, string? domain = null)
    {
        var definition = _snapshot.Model.PolicyDefinitions["p"];
        var domainIndex = definition.IndexOf("dom");
        var subjectIndex = SubjectIndex();
        return Copy(_snapshot.RulesOf("p").Items.Where(r =>
            r[subjectIndex] == name && (domain is null || domainIndex < 0 || r[domainIndex] == domain)));
    }

    /// <summary>Whether the rule <c>p, name, permission...</c> exists.</summary>
    /// <param name="name">The user or role.</param>
    /// <param name="permission">The remaining fields.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasPermissionForUser(string name, params string[] permission) => HasPolicy([name, .. permission]);

    /// <summary>Every role a user has, directly or through the hierarchy (at most ten links), nearest first.</summary>
    /// <param name="name">The user.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>The roles.</returns>
    public IReadOnlyList<string> GetImplicitRolesForUser(string name, string? domain = null) => Roles().GetImplicitRoles(name, domain);

    /// <summary>The rules that apply to a user directly or through any of its roles.</summary>
    /// <param name="name">The user.</param>
    /// <param name="domain">The domain, or null.</param>
    /// <returns>The rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetImplicitPermissionsForUser(string name, string? domain = null) =>
        [.. new[] { name }.Concat(GetImplicitRolesForUser(name, domain)).SelectMany(n => GetPermissionsForUser(n, domain))];

    /// <summary>Users (subjects that are not roles) for whom <c>Enforce(user, permission...)</c> allows.</summary>
    /// <param name="permission">The request values after the subject.</param>
    /// <returns>The users.</returns>
    public IReadOnlyList<string> GetImplicitUsersForPermission(params string[] permission)
    {
        var roles = new HashSet<string>(GetAllRoles(), StringComparer.Ordinal);
        var candidates = GetAllSubjects().Concat(GetGroupingPolicy().Select(static r => r[0])).Distinct(StringComparer.Ordinal);
        return [.. candidates.Where(u => !roles.Contains(u) && Enforce([u, .. permission]))];
    }

    /// <summary>Every domain named by role links.</summary>
    /// <returns>The domains.</returns>
    public IReadOnlyList<string> GetAllDomains() =>
        [.. _snapshot.RoleManagers.SelectMany(static m => m.Domains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every subject named by rules of type <c>p</c>.</summary>
    /// <returns>The subjects.</returns>
    public IReadOnlyList<string> GetAllSubjects() => ValuesOf("p", SubjectIndex());

    /// <summary>Every object named by rules of type <c>p</c>.</summary>
    /// <returns>The objects.</returns>
    public IReadOnlyList<string> GetAllObjects() => ValuesOf("p", FieldIndex("obj", 1));

    /// <summary>Every action named by rules of type <c>p</c>.</summary>
    /// <returns>The actions.</returns>
    public IReadOnlyList<string> GetAllActions() => ValuesOf("p", FieldIndex("act", 2));

    /// <summary>Every role named by role links of type <c>g</c>.</summary>
    /// <returns>The roles.</returns>
    public IReadOnlyList<string> GetAllRoles() => ValuesOf("g", 1);

    private RoleManager Roles() =>
        _snapshot.RoleManagerOf("g") ?? throw new InvalidOperationException("The model has no role definition 'g'.");

    private static string[] Link(string name, string role, string? domain) => domain is null ? [name, role] : [name, role, domain];

    private int SubjectIndex() => FieldIndex("sub", 0);

    private int FieldIndex(string token, int fallback)
    {
        var index = _snapshot.Model.PolicyDefinitions.TryGetValue("p", out var p) ? p.IndexOf(token) : -1;
        return index >= 0 ? index : fallback;
    }

    private IReadOnlyList<string> ValuesOf(string ptype, int index) =>
        [.. _snapshot.RulesOf(ptype).Items.Where(r => index < r.Length).Select(r => r[index]).Distinct(StringComparer.Ordinal)];
}
