using System.Globalization;
using static ConfigResolver.Policy.Tests.Incremental.IncrementalApplyDifferentialTests;

namespace ConfigResolver.Policy.Tests.Incremental;

/// <summary>
/// Random rules and role links for one model. Links go from users to roles and from a role to a higher-numbered role, so
/// a hierarchy never has a cycle but can be ten links deep; removals pick existing rules, so paths get disconnected.
/// </summary>
internal sealed class DifferentialWorld(string model, Random random, DifferentialWorld.Size? size = null)
{
    private readonly Size _size = size ?? Size.Small;

    public bool HasDomains { get; } = model == "rbac-domains";

    public static IEnumerable<string> Subjects =>
        Enumerable.Range(0, UserCount).Select(User).Concat(Enumerable.Range(0, RoleCount).Select(Role));

    public string RandomSubject() => random.Next(3) == 0 ? User(random.Next(_size.Users)) : Role(random.Next(_size.Roles));

    public string RandomObject() => Obj(random.Next(_size.Objects));

    public string RandomAction() => Actions[random.Next(Actions.Count)];

    public string RandomDomain() => Domains[random.Next(Domains.Count)];

    public string InitialPolicy()
    {
        var lines = new List<string>();
        for (var i = 0; i < _size.InitialRules; i++)
        {
            lines.Add("p, " + string.Join(", ", RandomRule()));
        }

        for (var i = 0; i < _size.InitialLinks; i++)
        {
            lines.Add("g, " + string.Join(", ", RandomLink()));
        }

        return string.Join('\n', lines);
    }

    public void ApplyRandomChange(Enforcer enforcer)
    {
        switch (random.Next(7))
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
            case 4:
                // An update replaces in place; with a priority column a build sorts again, so there it is not comparable.
                if (model != "priority" && Pick(enforcer.GetPolicy()) is { } old)
                {
                    enforcer.UpdatePolicy(old, RandomRule());
                }

                break;
            default:
                enforcer.Apply(RandomBatch(enforcer));
                break;
        }
    }

    private PolicyChangeBatch RandomBatch(Enforcer enforcer)
    {
        var batch = new PolicyChangeBatch();
        var rules = enforcer.GetPolicy();
        var links = enforcer.GetGroupingPolicy();
        for (var i = random.Next(1, _size.BatchLimit); i > 0; i--)
        {
            var added = RandomRule();
            _ = random.Next(5) switch
            {
                0 => batch.Add("p", added),
                1 => batch.Remove("p", Pick(rules) ?? added),
                2 => batch.Add("g", RandomLink()),
                3 => batch.Remove("g", Pick(links) ?? RandomLink()),
                _ when model == "priority" => batch.Add("p", added),
                _ => batch.Update("p", Pick(rules) ?? added, added),
            };
        }

        // Undo within the batch now and then: an added rule removed again, a removed one added back at the end.
        if (random.Next(3) == 0 && Pick(rules) is { } back)
        {
            batch.Remove("p", back).Add("p", back);
        }

        return batch;
    }

    private string[] RandomRule()
    {
        var subject = RandomSubject();
        var obj = RandomObject();
        var action = RandomAction();
        var effect = random.Next(4) == 0 ? "deny" : "allow";
        return model switch
        {
            "rbac" => [subject, obj, action],
            "rbac-domains" => [subject, RandomDomain(), obj, action],
            "priority" => [random.Next(1, 6).ToString(CultureInfo.InvariantCulture), subject, obj, action, effect],
            _ => [subject, obj, action, effect],
        };
    }

    private string[] RandomLink()
    {
        string[] link;
        if (random.Next(2) == 0)
        {
            link = [User(random.Next(_size.Users)), Role(random.Next(_size.Roles))];
        }
        else
        {
            var from = random.Next(_size.Roles - 1);
            link = [Role(from), Role(random.Next(from + 1, _size.Roles))];
        }

        return HasDomains ? [.. link, RandomDomain()] : link;
    }

    private string[]? Pick(IReadOnlyList<IReadOnlyList<string>> items) =>
        items.Count == 0 ? null : [.. items[random.Next(items.Count)]];

    /// <summary>How many names the world draws from, how much policy it starts with and how large a batch may get.</summary>
    public sealed record Size(int Users, int Roles, int Objects, int InitialRules, int InitialLinks, int BatchLimit)
    {
        public static Size Small { get; } = new(UserCount, RoleCount, ObjectCount, InitialRules: 30, InitialLinks: 25, BatchLimit: 12);
    }
}
