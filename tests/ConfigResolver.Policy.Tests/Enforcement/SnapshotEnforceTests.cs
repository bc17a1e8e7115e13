using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class SnapshotEnforceTests
{
    [Fact]
    public void A_held_snapshot_keeps_answering_from_its_own_state_after_the_enforcer_changes()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, admin, data1, read\ng, alice, admin");
        var before = enforcer.Snapshot;

        enforcer.DeleteRoleForUser("alice", "admin");
        enforcer.AddPolicy("bob", "data2", "write");

        Assert.True(before.Enforce("alice", "data1", "read"));
        Assert.False(before.Enforce("bob", "data2", "write"));
        Assert.False(enforcer.Enforce("alice", "data1", "read"));
        Assert.True(enforcer.Enforce("bob", "data2", "write"));
        Assert.Equal(before.Revision, before.EnforceEx(EnforceContext.Default, "alice", "data1", "read").Revision);
        Assert.Equal(["admin", "data1", "read"], before.EnforceEx(EnforceContext.Default, "alice", "data1", "read").Explain.ToArray());
    }

    [Fact]
    public void Switching_the_cache_off_publishes_a_snapshot_that_decides_the_same_without_caching()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, admin, data1, read\ng, alice, admin");
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        var cached = enforcer.Snapshot;

        enforcer.EnableCache(false);

        Assert.NotSame(cached, enforcer.Snapshot);
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.False(enforcer.Enforce("alice", "data1", "write"));
    }
}
