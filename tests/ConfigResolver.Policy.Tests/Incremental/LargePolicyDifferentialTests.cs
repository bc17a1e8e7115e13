namespace ConfigResolver.Policy.Tests.Incremental;

/// <summary>
/// The differential test at a size where rule lists, indexes and closure tables span many storage chunks: thousands of
/// rules and links, random single changes and batches, then most of the policy removed one change at a time (which
/// renumbers the lists and rebuilds their indexes) and added back. After each phase the enforcer must decide every sampled
/// request, list every rule and report every sampled subject's roles exactly like one built from scratch.
/// </summary>
public sealed class LargePolicyDifferentialTests
{
    // Users join roles and roles join higher-numbered roles (no cycles, hierarchies several links deep).
    private static readonly DifferentialWorld.Size s_large = new(Users: 1_200, Roles: 300, Objects: 400, InitialRules: 2_400, InitialLinks: 1_200, BatchLimit: 60);

    public static TheoryData<string, int> Cases() => new() { { "rbac", 3 }, { "rbac-domains", 5 }, { "priority", 11 }, { "deny-override", 17 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Thousands_of_changes_on_thousands_of_rules_decide_like_a_build_from_scratch(string model, int seed)
    {
        var random = new Random(seed);
        var world = new DifferentialWorld(model, random, s_large);
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

    private static void AssertSameAsScratch(string model, string phase, Enforcer incremental, DifferentialWorld world, Random random)
    {
        var text = string.Join('\n', incremental.GetPolicy().Select(r => "p, " + string.Join(", ", r))
            .Concat(incremental.GetGroupingPolicy().Select(r => "g, " + string.Join(", ", r))));
        var scratch = Enforcer.FromText(DifferentialModels.Text(model), text);
        var rules = incremental.GetPolicy();
        Assert.Equal(scratch.GetPolicy(), rules);
        var subjectColumn = model == "priority" ? 1 : 0;
        var objectColumn = subjectColumn + (world.HasDomains ? 2 : 1);
        for (var i = 0; i < 600; i++)
        {
            // Half the requests aim at a rule that exists now (changed rules included), half anywhere.
            var aimed = i % 2 == 0 && rules.Count > 0 ? rules[random.Next(rules.Count)] : null;
            var subject = aimed?[subjectColumn] ?? world.RandomSubject();
            var domain = world.HasDomains ? aimed?[1] ?? world.RandomDomain() : null;
            var obj = aimed?[objectColumn] ?? world.RandomObject();
            var action = aimed?[objectColumn + 1] ?? world.RandomAction();
            Assert.True(Sorted(scratch.GetImplicitRolesForUser(subject, domain)).SequenceEqual(Sorted(incremental.GetImplicitRolesForUser(subject, domain))),
                $"{model} {phase}: implicit roles of {subject} in {domain}");
            object?[] request = domain is null ? [subject, obj, action] : [subject, domain, obj, action];
            var expected = scratch.Enforce(request);
            Assert.True(expected == incremental.Enforce(request), $"{model} {phase}: {string.Join(", ", request)} expected {expected}");
        }
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal);
}
