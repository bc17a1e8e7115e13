using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Loading;

internal static partial class DocumentReader
{
    public static PolicyTestDocument ReadTest(YamlJsonDocument document)
    {
        var r = new NodeReader(document);
        var fixtures = r.Root["fixtures"];
        const string F = "/fixtures";

        var orgs = ImmutableArray.CreateBuilder<OrgFixture>();
        foreach (var (slug, value, _) in r.Entries(fixtures, F, "orgs"))
        {
            orgs.Add(new OrgFixture(
                slug,
                NodeReader.String(value, "status") ?? "active",
                NodeReader.String(value, "plan") ?? TenancyRules.DefaultPlan,
                NodeReader.Bool(value, "is_system"),
                (value as JsonObject)?["config"] as JsonObject));
        }

        var users = ImmutableArray.CreateBuilder<Located>();
        var emails = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value, _) in r.Entries(fixtures, F, "users"))
        {
            users.Add(name);
            emails[name.Value] = NodeReader.String(value, "email");
        }

        var memberships = ImmutableArray.CreateBuilder<MembershipFixture>();
        if (fixtures?["memberships"] is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var pointer = $"{F}/memberships/{i}";
                memberships.Add(new MembershipFixture(
                    r.At(pointer + "/user", NodeReader.String(list[i], "user")!),
                    r.At(pointer + "/org", NodeReader.String(list[i], "org")!),
                    NodeReader.String(list[i], "role")!));
            }
        }

        var keys = ImmutableArray.CreateBuilder<ApiKeyFixture>();
        foreach (var (name, value, pointer) in r.Entries(fixtures, F, "api_keys"))
        {
            var user = NodeReader.String(value, "user");
            keys.Add(new ApiKeyFixture(
                name,
                r.At(pointer + "/org", NodeReader.String(value, "org")!),
                user is null ? null : r.At(pointer + "/user", user),
                r.Strings(value, pointer, "scopes")));
        }

        return new PolicyTestDocument(
            document.File, NodeReader.String(r.Root, "name")!, orgs.ToImmutable(), users.ToImmutable(), emails.ToImmutable(),
            memberships.ToImmutable(), keys.ToImmutable(), ReadCases(r));
    }

    private static ImmutableArray<TestCaseDeclaration> ReadCases(NodeReader r)
    {
        var cases = ImmutableArray.CreateBuilder<TestCaseDeclaration>();
        if (r.Root["cases"] is not JsonArray list)
        {
            return [];
        }

        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var pointer = $"/cases/{i}";
            var input = item?["input"];
            var user = NodeReader.String(input, "user");
            var key = NodeReader.String(input, "api_key");
            var context = input?["context"];
            cases.Add(new TestCaseDeclaration(
                r.At(pointer + "/name", NodeReader.String(item, "name")!),
                user is null ? null : r.At(pointer + "/input/user", user),
                key is null ? null : r.At(pointer + "/input/api_key", key),
                r.At(pointer + "/input/org", NodeReader.String(input, "org")!),
                NodeReader.String(input, "action")!,
                NodeReader.String(input, "resource"),
                NodeReader.String(context, "time"),
                NodeReader.String(context, "client_ip"),
                context?["resource_attributes"] as JsonObject,
                NodeReader.String(item, "expect") == "allow",
                NodeReader.String(item, "reason")));
        }

        return cases.ToImmutable();
    }
}
