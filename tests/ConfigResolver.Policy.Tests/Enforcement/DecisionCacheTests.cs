using ConfigResolver.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class DecisionCacheTests
{
    private const string Policy = "p, admin, data1, read\np, admin, data1, write\np, bob, data2, write\ng, alice, admin\ng, carol, admin";

    private static readonly string[] s_users = ["alice", "bob", "carol", "dave", "admin", ""];
    private static readonly string[] s_objects = ["data1", "data2", "data3"];
    private static readonly string[] s_actions = ["read", "write"];

    private static IEnumerable<string[]> AllRequests() =>
        from u in s_users from o in s_objects from a in s_actions select new[] { u, o, a };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void A_small_cache_gives_the_answers_of_no_cache(int capacity)
    {
        var cached = Enforcer.FromText(Models.Rbac, Policy, new EnforcerOptions { CacheCapacity = capacity });
        var uncached = Enforcer.FromText(Models.Rbac, Policy, new EnforcerOptions { EnableCache = false });

        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var r in AllRequests())
            {
                Assert.True(uncached.Enforce(r[0], r[1], r[2]) == cached.Enforce(r[0], r[1], r[2]), $"pass {pass}: [{string.Join(", ", r)}]");
            }
        }
    }

    [Fact]
    public void Switching_the_cache_off_and_on_keeps_the_answers()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var first = AllRequests().Select(r => enforcer.Enforce(r[0], r[1], r[2])).ToList();

        enforcer.EnableCache(false);
        var off = AllRequests().Select(r => enforcer.Enforce(r[0], r[1], r[2])).ToList();
        enforcer.EnableCache(true);
        var on = AllRequests().Select(r => enforcer.Enforce(r[0], r[1], r[2])).ToList();

        Assert.Equal(first, off);
        Assert.Equal(first, on);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public void A_cached_answer_never_outlives_the_change_that_makes_it_wrong()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        Assert.True(enforcer.Enforce("alice", "data1", "read"));

        enforcer.DeleteRoleForUser("alice", "admin");
        Assert.False(enforcer.Enforce("alice", "data1", "read"));

        enforcer.AddRoleForUser("alice", "admin");
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
    }

    [Fact]
    public void A_time_window_decision_follows_the_clock_with_the_cache_on()
    {
        // timeMatch reads the clock on every call in Go casbin; a cached answer must not outlive the window.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        var model = Models.BasicWithMatcher("r.sub == p.sub && timeMatch(p.obj, p.act)");
        var enforcer = Enforcer.FromText(model, "p, alice, 2026-03-01 00:00:00, 2026-09-01 00:00:00", new EnforcerOptions { TimeProvider = clock });
        Assert.True(enforcer.Enforce("alice", "x", "y"));

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.False(enforcer.Enforce("alice", "x", "y"));
    }

    public static TheoryData<string, string?, string[]> Arities() => new()
    {
        { Models.BasicWithMatcher("r.sub == p.sub && r.obj == p.obj").Replace("r = sub, obj, act", "r = sub, obj", StringComparison.Ordinal), "p, alice, data1, read", ["alice", "data1"] },
        { Models.Basic, "p, alice, data1, read", ["alice", "data1", "read"] },
        { Models.RbacWithDomains, "p, admin, d1, data1, read\ng, alice, admin, d1", ["alice", "d1", "data1", "read"] },
    };

    [Theory]
    [MemberData(nameof(Arities))]
    public void String_overloads_and_the_params_overload_agree(string model, string? policy, string[] request)
    {
        var enforcer = Enforcer.FromText(model, policy);

        var viaParams = enforcer.Enforce([.. request.Cast<object?>()]);
        var viaStrings = request.Length switch
        {
            2 => enforcer.Enforce(request[0], request[1]),
            3 => enforcer.Enforce(request[0], request[1], request[2]),
            _ => enforcer.Enforce(request[0], request[1], request[2], request[3]),
        };

        Assert.True(viaParams);
        Assert.True(viaStrings);
        Assert.False(enforcer.Enforce([.. request.Select(static (v, i) => (object?)(i == 0 ? "nobody" : v))]));
    }
}
