namespace ConfigResolver.Policy.Tests.Enforcement;

/// <summary>
/// After every change in a long, seeded sequence, the live enforcer (which updates its indexes and role closures
/// incrementally) must answer and explain exactly as an enforcer freshly loaded from its current rules.
/// </summary>
public sealed class IncrementalChangeTests
{
    private const string KeyMatchRbac = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act, eft

        [role_definition]
        g = _, _

        [policy_effect]
        e = EFFECT

        [matchers]
        m = g(r.sub, p.sub) && keyMatch(r.obj, p.obj) && r.act == p.act
        """;

    private static readonly string[] s_users = ["alice", "bob", "carol"];
    private static readonly string[] s_roles = ["reader", "writer", "admin"];
    private static readonly string[] s_objects = ["/a/1", "/a/*", "/b/1", "/b/*", "/*"];
    private static readonly string[] s_actions = ["read", "write"];
    private static readonly string[] s_efts = ["allow", "deny"];

    [Theory]
    [InlineData("some(where (p.eft == allow))", 1)]
    [InlineData("!some(where (p.eft == deny))", 2)]
    [InlineData("some(where (p.eft == allow)) && !some(where (p.eft == deny))", 3)]
    [InlineData("priority(p.eft) || deny", 4)]
    public void Every_change_leaves_the_enforcer_answering_as_a_fresh_load_of_its_rules(string effect, int seed)
    {
        var model = KeyMatchRbac.Replace("EFFECT", effect, StringComparison.Ordinal);
        var live = Enforcer.FromText(model, "p, admin, /*, write, allow\ng, alice, admin");
        var random = new Random(seed);

        for (var step = 0; step < 150; step++)
        {
            var change = Apply(live, random);
            var fresh = Enforcer.FromText(model, Serialize(live));
            foreach (var request in Requests())
            {
                var (a, b) = (live.EnforceEx(request), fresh.EnforceEx(request));
                Assert.True(
                    a.Allowed == b.Allowed && a.Explain.SequenceEqual(b.Explain),
                    $"step {step} ({change}), request [{string.Join(", ", request)}]: live {a.Allowed} [{string.Join(", ", a.Explain)}], fresh {b.Allowed} [{string.Join(", ", b.Explain)}]");
                Assert.Equal(b.Allowed, live.Enforce(request[0], request[1], request[2]));
            }
        }
    }

    private static string Apply(Enforcer enforcer, Random random)
    {
        var rule = new[] { Pick(random, [.. s_users, .. s_roles]), Pick(random, s_objects), Pick(random, s_actions), Pick(random, s_efts) };
        var roleIndex = random.Next(s_roles.Length);
        var link = random.Next(2) == 0
            ? new[] { Pick(random, s_users), s_roles[roleIndex] }
            : [s_roles[roleIndex], s_roles[random.Next(roleIndex, s_roles.Length)]];
        switch (random.Next(8))
        {
            case 0 or 1:
                enforcer.AddPolicy(rule);
                return $"add [{string.Join(", ", rule)}]";
            case 2:
                enforcer.RemovePolicy(rule);
                return $"remove [{string.Join(", ", rule)}]";
            case 3 when link[0] != link[1]:
                enforcer.AddGroupingPolicy(link);
                return $"link [{string.Join(", ", link)}]";
            case 4:
                enforcer.RemoveGroupingPolicy(link);
                return $"unlink [{string.Join(", ", link)}]";
            case 5 when enforcer.GetPolicy().Count > 0:
                var old = enforcer.GetPolicy()[random.Next(enforcer.GetPolicy().Count)];
                enforcer.UpdatePolicy([.. old], rule);
                return $"update [{string.Join(", ", old)}] to [{string.Join(", ", rule)}]";
            case 6:
                enforcer.RemoveFilteredPolicy(1, Pick(random, s_objects));
                return "remove filtered";
            default:
                enforcer.AddPolicies([rule, [rule[0], Pick(random, s_objects), rule[2], rule[3]]]);
                return "add two";
        }
    }

    private static IEnumerable<string[]> Requests() =>
        from s in s_users.Concat(s_roles)
        from o in new[] { "/a/1", "/a/2", "/b/1", "/c" }
        from a in s_actions
        select new[] { s, o, a };

    private static string Serialize(Enforcer enforcer) =>
        string.Join('\n', enforcer.GetPolicy().Select(static r => "p, " + string.Join(", ", r))
            .Concat(enforcer.GetGroupingPolicy().Select(static r => "g, " + string.Join(", ", r))));

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
