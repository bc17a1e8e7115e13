using System.Globalization;

namespace ConfigResolver.Policy.Tests.Incremental;

/// <summary>
/// The differential test at a size where rule lists, indexes and closure tables span many storage chunks: thousands of
/// rules and links, random single changes and batches, then most of the policy removed one change at a time (which
/// renumbers the lists and rebuilds their indexes) and added back. After each phase the enforcer must decide every sampled
/// request, list every rule and report every sampled subject's roles exactly like one built from scratch.
/// </summary>
public sealed class LargePolicyDifferentialTests
{
    private const int Rules = 2_400;
    private const int Users = 1_200;
    private const int Groups = 300;
    private const int Objects = 400;

    public static TheoryData<string, int> Cases() => new() { { "rbac", 3 }, { "rbac-domains", 5 }, { "priority", 11 }, { "deny-override", 17 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Thousands_of_changes_on_thousands_of_rules_decide_like_a_build_from_scratch(string model, int seed)
    {
        var random = new Random(seed);
        var world = new World(model, random);
        var enforcer = Enforcer.FromText(DifferentialModels.Text(model), world.InitialPolicy());

        for (var step = 1; step <= 900; step++)
        {
            world.ApplyRandomChange(enforcer);
            if (step % 300 == 0)
            {
                AssertSameAsScratch(model, $"random step {step}", enforcer, world, random);
            }
        }

        var rules = enforcer.GetPolicy().Select(static r => r.ToArray()).ToArray();
        var links = enforcer.GetGroupingPolicy().Select(static l => l.ToArray()).ToArray();
        var keep = rules.Length / 10;
        foreach (var rule in rules.Skip(keep))
        {
            Assert.True(enforcer.RemovePolicy(rule));
        }

        foreach (var link in links.Skip(links.Length / 10))
        {
            Assert.True(enforcer.RemoveGroupingPolicy(link));
        }

        AssertSameAsScratch(model, "after removing 90%", enforcer, world, random);

        foreach (var rule in rules.Skip(keep).Reverse())
        {
            enforcer.AddPolicy(rule);
        }

        var batch = new PolicyChangeBatch();
        foreach (var link in links.Skip(links.Length / 10))
        {
            batch.Add("g", link);
        }

        enforcer.Apply(batch);
        Assert.Equal(links.Length, enforcer.GetGroupingPolicy().Count);
        AssertSameAsScratch(model, "after adding back", enforcer, world, random);
    }

    private static void AssertSameAsScratch(string model, string phase, Enforcer incremental, World world, Random random)
    {
        var text = string.Join('\n', incremental.GetPolicy().Select(r => "p, " + string.Join(", ", r))
            .Concat(incremental.GetGroupingPolicy().Select(r => "g, " + string.Join(", ", r))));
        var scratch = Enforcer.FromText(DifferentialModels.Text(model), text);
        var rules = incremental.GetPolicy();
        Assert.Equal(scratch.GetPolicy(), rules);
        var subjectColumn = model == "priority" ? 1 : 0;
        for (var i = 0; i < 600; i++)
        {
            // Half the requests aim at a rule that exists now (changed rules included), half anywhere.
            var aimed = i % 2 == 0 && rules.Count > 0 ? rules[random.Next(rules.Count)] : null;
            var subject = aimed?[subjectColumn] ?? world.RandomSubject();
            var domain = world.HasDomains ? aimed?[1] ?? World.Domain(random.Next(4)) : null;
            var obj = aimed?[subjectColumn + (world.HasDomains ? 2 : 1)] ?? world.RandomObject();
            Assert.True(Sorted(scratch.GetImplicitRolesForUser(subject, domain)).SequenceEqual(Sorted(incremental.GetImplicitRolesForUser(subject, domain))),
                $"{model} {phase}: implicit roles of {subject} in {domain}");
            object?[] request = domain is null ? [subject, obj, "read"] : [subject, domain, obj, "read"];
            var expected = scratch.Enforce(request);
            Assert.True(expected == incremental.Enforce(request), $"{model} {phase}: {string.Join(", ", request)} expected {expected}");
        }
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal);

    private sealed class World(string model, Random random)
    {
        public bool HasDomains { get; } = model == "rbac-domains";

        public static string Domain(int i) => "d" + i.ToString(CultureInfo.InvariantCulture);

        public string RandomSubject() => random.Next(3) == 0 ? Group(random.Next(Groups)) : User(random.Next(Users));

        public string RandomObject() => "o" + random.Next(Objects).ToString(CultureInfo.InvariantCulture);

        public string InitialPolicy() =>
            string.Join('\n', Enumerable.Range(0, Rules).Select(_ => "p, " + string.Join(", ", RandomRule()))
                .Concat(Enumerable.Range(0, Users).Select(_ => "g, " + string.Join(", ", RandomLink()))));

        public void ApplyRandomChange(Enforcer enforcer)
        {
            switch (random.Next(6))
            {
                case 0:
                    enforcer.AddPolicy(RandomRule());
                    break;
                case 1:
                    enforcer.RemovePolicy(Pick(enforcer.GetPolicy()) ?? RandomRule());
                    break;
                case 2:
                    enforcer.AddGroupingPolicy(RandomLink());
                    break;
                case 3:
                    enforcer.RemoveGroupingPolicy(Pick(enforcer.GetGroupingPolicy()) ?? RandomLink());
                    break;
                case 4 when model != "priority":
                    if (Pick(enforcer.GetPolicy()) is { } old)
                    {
                        enforcer.UpdatePolicy(old, RandomRule());
                    }

                    break;
                default:
                    var batch = new PolicyChangeBatch();
                    var (rules, links) = (enforcer.GetPolicy(), enforcer.GetGroupingPolicy());
                    for (var i = random.Next(5, 60); i > 0; i--)
                    {
                        _ = random.Next(3) == 0 ? batch.Remove("g", Pick(links) ?? RandomLink()) : batch.Add("g", RandomLink());
                        _ = random.Next(2) == 0 ? batch.Remove("p", Pick(rules) ?? RandomRule()) : batch.Add("p", RandomRule());
                    }

                    enforcer.Apply(batch);
                    break;
            }
        }

        private string[] RandomRule()
        {
            var subject = random.Next(5) == 0 ? User(random.Next(Users)) : Group(random.Next(Groups));
            var obj = RandomObject();
            var effect = random.Next(5) == 0 ? "deny" : "allow";
            return model switch
            {
                "rbac" => [subject, obj, "read"],
                "rbac-domains" => [subject, Domain(random.Next(4)), obj, "read"],
                "priority" => [random.Next(1, 9).ToString(CultureInfo.InvariantCulture), subject, obj, "read", effect],
                _ => [subject, obj, "read", effect],
            };
        }

        private string[] RandomLink()
        {
            // Users join groups; a group joins a higher-numbered group (no cycles, hierarchies several links deep).
            var from = random.Next(Groups - 1);
            string[] link = random.Next(4) == 0 ? [Group(from), Group(random.Next(from + 1, Groups))] : [User(random.Next(Users)), Group(random.Next(Groups))];
            return HasDomains ? [.. link, Domain(random.Next(4))] : link;
        }

        private string[]? Pick(IReadOnlyList<IReadOnlyList<string>> items) =>
            items.Count == 0 ? null : [.. items[random.Next(items.Count)]];

        private static string User(int i) => "u" + i.ToString(CultureInfo.InvariantCulture);

        private static string Group(int i) => "g" + i.ToString(CultureInfo.InvariantCulture);
    }
}
