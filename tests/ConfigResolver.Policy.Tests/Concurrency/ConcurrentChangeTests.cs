using System.Collections.Concurrent;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Concurrency;

/// <summary>
/// Readers enforce while a writer cycles the policy through four known states. Every change publishes exactly one
/// revision, so the revision an answer reports names the state that answered; the answer must be that state's.
/// </summary>
public sealed class ConcurrentChangeTests
{
    private const string Base = "p, admin, data1, read\np, admin, data1, write\np, bob, data2, write\ng, alice, admin";
    private const int Cycles = 300;
    private const int Readers = 3;

    private static readonly string[][] s_requests =
    [
        ["bob", "data2", "read"],
        ["editor", "data2", "read"],
        ["alice", "data1", "read"],
        ["bob", "data2", "write"],
        ["alice", "data2", "read"],
        ["admin", "data1", "write"],
    ];

    // Per state (revision - 1) % 4: base; + rule (editor, data2, read); + link (bob, editor); - rule.
    private static readonly bool[][] s_expected =
    [
        [false, false, true, true, false, true],
        [false, true, true, true, false, true],
        [true, true, true, true, false, true],
        [false, false, true, true, false, true],
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_decision_during_changes_is_the_decision_of_the_snapshot_that_answered(bool cache)
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Base, new EnforcerOptions { EnableCache = cache });
        var failures = new ConcurrentQueue<string>();
        var revisionsSeen = new ConcurrentDictionary<long, bool>();
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, Readers).Select(seed => Task.Run(() =>
        {
            var last = 0L;
            for (var i = seed; !done.IsCancellationRequested || i < seed + 50; i++)
            {
                var (index, request) = (i % s_requests.Length, s_requests[i % s_requests.Length]);
                if (i % 2 == 1)
                {
                    // The plain string overload does not say which snapshot answered; its answer must be the answer
                    // of a revision published between just before and just after the call.
                    var before = enforcer.Revision;
                    var allowed = enforcer.Enforce(request[0], request[1], request[2]);
                    var after = enforcer.Revision;
                    if (!AnswerOfSomeRevision(index, allowed, before, after))
                    {
                        failures.Enqueue($"[{string.Join(", ", request)}] between revisions {before} and {after}: {allowed}");
                    }

                    continue;
                }

                var result = enforcer.EnforceEx(request);
                var expected = s_expected[(result.Revision - 1) % 4][index];
                revisionsSeen[result.Revision] = true;
                if (result.Allowed != expected || result.Revision < last)
                {
                    failures.Enqueue($"[{string.Join(", ", request)}] at revision {result.Revision} (after {last}): {result.Allowed}, expected {expected}");
                }

                last = result.Revision;
            }
        })).ToArray();

        var writer = Task.Run(() =>
        {
            try
            {
                for (var cycle = 0; cycle < Cycles; cycle++)
                {
                    Assert.True(enforcer.AddPolicy("editor", "data2", "read"));
                    Assert.True(enforcer.AddGroupingPolicy("bob", "editor"));
                    Assert.Throws<PolicyCompilationException>(() => enforcer.AddGroupingPolicy("admin", "alice"));
                    Assert.True(enforcer.RemovePolicy("editor", "data2", "read"));
                    Assert.True(enforcer.RemoveGroupingPolicy("bob", "editor"));
                }
            }
            finally
            {
                done.Cancel();
            }
        });

        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(failures);
        Assert.Equal(1 + (4 * Cycles), enforcer.Revision);
        Assert.True(revisionsSeen.Count > 1, "the readers never overlapped a change");
    }

    private static bool AnswerOfSomeRevision(int request, bool allowed, long from, long to)
    {
        for (var revision = from; revision <= to && revision < from + 4; revision++)
        {
            if (s_expected[(revision - 1) % 4][request] == allowed)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task Readers_are_unaffected_by_writes_that_are_rejected()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Base);
        var snapshot = enforcer.Snapshot;
        var failures = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, Readers).Select(seed => Task.Run(() =>
        {
            for (var i = seed; !done.IsCancellationRequested || i < seed + 50; i++)
            {
                var request = s_requests[i % s_requests.Length];
                var result = enforcer.EnforceEx(request);
                var plain = enforcer.Enforce(request[0], request[1], request[2]);
                if (result.Allowed != s_expected[0][i % s_requests.Length] || plain != result.Allowed || result.Revision != 1)
                {
                    failures.Enqueue($"[{string.Join(", ", request)}]: {result.Allowed} at revision {result.Revision}");
                }
            }
        })).ToArray();

        var writer = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < 500; i++)
                {
                    Assert.Throws<PolicyCompilationException>(() => enforcer.AddGroupingPolicy("admin", "alice"));
                    Assert.Throws<PolicyCompilationException>(() => enforcer.AddGroupingPolicies([["editor", "x"], ["admin", "alice"]]));
                    Assert.Throws<PolicyCompilationException>(() => enforcer.AddPolicy("editor", "data2"));
                }
            }
            finally
            {
                done.Cancel();
            }
        });

        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(failures);
        Assert.Same(snapshot, enforcer.Snapshot);
    }

    [Fact]
    public void Concurrent_writers_each_publish_their_change_exactly_once()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read");

        Parallel.For(0, 200, i => Assert.True(enforcer.AddPolicy($"user{i}", "data", "read")));

        Assert.Equal(201, enforcer.Revision);
        Assert.Equal(201, enforcer.GetPolicy().Count);
        Assert.All(Enumerable.Range(0, 200), i => Assert.True(enforcer.Enforce($"user{i}", "data", "read")));
    }
}
