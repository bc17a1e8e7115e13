using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ConfigResolver.Authorization.Loading;

/// <summary>Reads typed policy documents out of schema-checked JSON, keeping every value's position.</summary>
internal static partial class DocumentReader
{
    public static RolesDocument ReadRoles(YamlJsonDocument document)
    {
        var r = new NodeReader(document);
        var roles = ImmutableArray.CreateBuilder<RoleDeclaration>();
        foreach (var (name, value, pointer) in r.Entries(r.Root, string.Empty, "roles"))
        {
            roles.Add(new RoleDeclaration(name, r.Strings(value, pointer, "inherits"), r.Strings(value, pointer, "scopes"), NodeReader.String(value, "description")));
        }

        var platform = NodeReader.String(r.Root, "platform_admin_role");
        return new RolesDocument(
            document.File,
            r.Strings(r.Root, string.Empty, "scopes"),
            roles.ToImmutable(),
            platform is null ? null : r.At("/platform_admin_role", platform))
        {
            RolesAt = r.At("/roles", "roles"),
        };
    }

    public static RulesDocument ReadRules(YamlJsonDocument document, string? overlayOrganization)
    {
        var r = new NodeReader(document);
        var rules = ImmutableArray.CreateBuilder<RuleDeclaration>();
        if (r.Root["rules"] is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var rule = list[i];
                var pointer = $"/rules/{i}";
                var reason = NodeReader.String(rule, "reason");
                rules.Add(new RuleDeclaration(
                    r.At(pointer + "/name", NodeReader.String(rule, "name")!),
                    NodeReader.String(rule, "effect") == "deny",
                    r.Strings(rule, pointer, "actions"),
                    r.Strings(rule, pointer, "resources"),
                    r.Strings(rule, pointer, "when", atText: true),
                    reason is null ? null : r.Text(pointer + "/reason", reason),
                    NodeReader.String(rule, "description")));
            }
        }

        return new RulesDocument(
            document.File,
            r.At("/package", NodeReader.String(r.Root, "package")!),
            r.At("/default", NodeReader.String(r.Root, "default")!),
            r.Strings(r.Root, string.Empty, "overridable_actions"),
            rules.ToImmutable(),
            overlayOrganization);
    }
}
