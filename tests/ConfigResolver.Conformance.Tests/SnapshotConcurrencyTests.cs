using System.Collections.Concurrent;
using System.Text.Json;
using ConfigResolver.Policy;
using ConfigResolver.TestData;
using ConfigResolver.Testing;

namespace ConfigResolver.Conformance.Tests;

/// <summary>
/// Readers deciding the multitenant bench requests while a writer adds and removes a policy and a role link in a
/// loop: no call may throw, and every decision must be the answer of one of the snapshots published while that
/// call ran. Answers per state are recomputed by separate enforcers that only scan.
/// </summary>
public sealed class SnapshotConcurrencyTests
{
    private static readonly string[] s_policy = ["viewer", "org-0500", "secrets", "read"];
    private static readonly string[] s_link = ["user-00999", "owner", "org-0500"];

    [Fact]
    public async Task Decisions_during_concurrent_policy_and_role_changes_come_from_a_snapshot_of_the_call()
    {
        var dir = Path.Combine(TestPaths.BenchData, "multitenant");
        var model = Path.Combine(dir, "model.conf");
        var policy = TestDataFiles.LocalPath(Path.Combine(dir, "policy.csv"));
        var requests = TestDataFiles.ReadLines(Path.Combine(dir, "requests.jsonl")).Take(300)
            .Select(static l => JsonSerializer.Deserialize<string[]>(l)!)
            .Concat([
                ["user-00500", "org-0500", "secrets", "read"],
                ["user-00999", "org-0500", "billing", "write"],
                ["user-00999", "org-0500", "secrets", "read"],
            ])
            .ToArray();

        // The four states the writer cycles through: none, +policy, +policy +link, +link.
        var states = new[] { (false, false), (true, false), (true, true), (false, true) };
        var answers = states.Select(s => Answers(model, policy, s.Item1, s.Item2, requests)).ToArray();
        Assert.True(answers.Select(a => string.Concat(a.Select(static b => b ? '1' : '0'))).Distinct().Count() == 4, "each state must decide some request differently");

        var enforcer = new Enforcer(model, policy);
        var stateOf = new ConcurrentDictionary<long, int> { [enforcer.Revision] = 0 };
        var records = new ConcurrentBag<(int Request, bool Allowed, long Before, long After)>();
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(() =>
        {
            for (var cycle = 0; cycle < 60; cycle++)
            {
                Assert.True(enforcer.AddPolicy(s_policy));
                stateOf[enforcer.Revision] = 1;
                Assert.True(enforcer.AddGroupingPolicy(s_link));
                stateOf[enforcer.Revision] = 2;
                Assert.True(enforcer.RemovePolicy(s_policy));
                stateOf[enforcer.Revision] = 3;
                Assert.True(enforcer.RemoveGroupingPolicy(s_link));
                stateOf[enforcer.Revision] = 0;
            }

            stop.Cancel();
        });

        var readers = Enumerable.Range(0, 3).Select(reader => Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var i = n++ % requests.Length;
                var r = requests[i];
                var before = enforcer.Revision;
                var allowed = ((reader + n) % 3) switch
                {
                    0 => enforcer.Enforce(r[0], r[1], r[2], r[3]),
                    1 => enforcer.EnforceEx(r[0], r[1], r[2], r[3]).Allowed,
                    _ => enforcer.BatchEnforce([[r[0], r[1], r[2], r[3]]])[0],
                };
                records.Add((i, allowed, before, enforcer.Revision));
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]);
        Assert.True(records.Count > 1000, $"readers made only {records.Count} decisions");
        foreach (var (request, allowed, before, after) in records)
        {
            var possible = Enumerable.Range((int)before, (int)(after - before) + 1)
                .Select(rev => answers[stateOf[rev]][request]);
            Assert.True(possible.Contains(allowed), $"request {string.Join(",", requests[request])} decided {allowed} between revisions {before} and {after}");
        }
    }

    private static bool[] Answers(string model, string policy, bool withPolicy, bool withLink, string[][] requests)
    {
        var reference = new Enforcer(model, policy);
        reference.EnableIndex(false);
        reference.EnableCache(false);
        if (withPolicy)
        {
            reference.AddPolicy(s_policy);
        }

        if (withLink)
        {
            reference.AddGroupingPolicy(s_link);
        }

        return [.. requests.Select(r => reference.Enforce((object?[])r))];
    }
}
