using System.Globalization;

namespace ConfigResolver.Policy.Tests.Incremental;

/// <summary>
/// Random, seeded sequences of single changes and batches applied incrementally must leave an enforcer that decides
/// exactly like one built from scratch from the same final policy, and that reports the same roles: the incremental
/// index and role-closure updates (including removals that disconnect paths in deep hierarchies) are checked against
/// the full build on every sampled request.
/// </summary>
public sealed class IncrementalApplyDifferentialTests
{
    private const int Users = 12;
    private const int Roles = 8;
    private const int Objects = 4;
    private static readonly string[] s_actions = ["read", "write"];
    private static readonly string[] s_domains = ["d0", "d1", "d2"];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var model in new[] { "rbac", "rbac-domains", "priority", "deny-override" })
        {
            foreach (var seed in new[] { 1, 7, 42, 1234 })
            {
                data.Add(model, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Incremental_changes_decide_like_a_build_from_scratch(string model, int seed)
    {
        var random = new Random(seed);
        var world = new DifferentialWorld(model, random);
        var enforcer = Enforcer.FromText(DifferentialModels.Text(model), world.InitialPolicy());
        for (var step = 1; step <= 240; step++)
        {
            world.ApplyRandomChange(enforcer);
            if (step % 40 == 0)
            {
                AssertSameAsScratch(model, seed, step, enforcer, world);
            }
        }
    }

    private static void AssertSameAsScratch(string model, int seed, int step, Enforcer incremental, DifferentialWorld world)
    {
        var text = string.Join('\n', incremental.GetPolicy().Select(r => "p, " + string.Join(", ", r))
            .Concat(incremental.GetGroupingPolicy().Select(r => "g, " + string.Join(", ", r))));
        var scratch = Enforcer.FromText(DifferentialModels.Text(model), text);
        Assert.Equal(scratch.GetPolicy(), incremental.GetPolicy());
        var domains = world.HasDomains ? s_domains.Select(static d => (string?)d).ToArray() : new string?[] { null };
        foreach (var domain in domains)
        {
            foreach (var subject in DifferentialWorld.Subjects)
            {
                Assert.True(Sorted(scratch.GetRolesForUser(subject, domain)).SequenceEqual(Sorted(incremental.GetRolesForUser(subject, domain))),
                    $"{model} seed {seed} step {step}: roles of {subject} in {domain}");
                Assert.True(Sorted(scratch.GetImplicitRolesForUser(subject, domain)).SequenceEqual(Sorted(incremental.GetImplicitRolesForUser(subject, domain))),
                    $"{model} seed {seed} step {step}: implicit roles of {subject} in {domain}");
                for (var o = 0; o < Objects; o++)
                {
                    foreach (var action in s_actions)
                    {
                        object?[] request = domain is null ? [subject, Obj(o), action] : [subject, domain, Obj(o), action];
                        var expected = scratch.Enforce(request);
                        Assert.True(expected == incremental.Enforce(request),
                            $"{model} seed {seed} step {step}: {string.Join(", ", request)} expected {expected}");
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal);

    internal static string Obj(int i) => "o" + i.ToString(CultureInfo.InvariantCulture);

    internal static string User(int i) => "u" + i.ToString(CultureInfo.InvariantCulture);

    internal static string Role(int i) => "r" + i.ToString(CultureInfo.InvariantCulture);

    internal static int UserCount => Users;

    internal static int RoleCount => Roles;

    internal static int ObjectCount => Objects;

    internal static IReadOnlyList<string> Actions => s_actions;

    internal static IReadOnlyList<string> Domains => s_domains;
}
