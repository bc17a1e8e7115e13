using System.Collections.Concurrent;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Reloading;

/// <summary>Readers check while policies reload and memberships change; every decision must be its revision's decision.</summary>
public sealed class ConcurrentSwapTests : IDisposable
{
    private const string Freeze = """
        kind: Rules
        package: freeze
        default: deny
        rules:
          - name: frozen
            effect: deny
            actions: [tools:write]
        """;

    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Each_decision_made_during_reloads_and_membership_changes_is_the_decision_of_the_revision_it_reports()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        var worker = await _sandbox.UserAsync(umbrella, MembershipRole.Viewer);
        using var service = await _sandbox.StartAsync();

        // Revision -> (worker is a member, tools:write frozen), recorded by the only writer after each publish.
        var states = new ConcurrentDictionary<long, (bool Member, bool Frozen)>();
        states[service.Current.Revision] = (false, false);
        var decisions = new ConcurrentBag<(long Revision, bool AgentsWrite, bool? ToolsWrite)>();
        using var stop = new CancellationTokenSource();
        var principal = Principal.ForUser(worker);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = service.Current;
                var agents = snapshot.Check(principal, "umbrella", "agents:write");
                var tools = snapshot.Check(principal, "umbrella", "tools:write");
                decisions.Add((agents.Revision, agents.Allowed, tools.Allowed));
                var direct = service.Check(principal, "umbrella", "agents:write");
                decisions.Add((direct.Revision, direct.Allowed, null));
            }
        })).ToArray();

        var member = false;
        var frozen = false;
        for (var i = 0; i < 200; i++)
        {
            if (i % 2 == 0)
            {
                member = !member;
                await _sandbox.Store.SetMembershipAsync(new Membership(umbrella.Id, worker, member ? MembershipRole.Member : MembershipRole.Viewer));
                await service.WhenChangesAppliedAsync();
            }
            else
            {
                frozen = !frozen;
                if (frozen)
                {
                    _sandbox.Write("orgs/umbrella/freeze.yaml", Freeze);
                }
                else
                {
                    File.Delete(_sandbox.Path_("orgs/umbrella/freeze.yaml"));
                }

                Assert.True((await service.ReloadAsync()).Succeeded);
            }

            states[service.Current.Revision] = (member, frozen);
            await Task.Yield();
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(decisions.Count > 100);
        foreach (var (revision, agentsWrite, toolsWrite) in decisions)
        {
            Assert.True(states.TryGetValue(revision, out var state), $"revision {revision} was never published by the writer");
            Assert.Equal(state.Member, agentsWrite);
            if (toolsWrite is { } tools)
            {
                Assert.Equal(state.Member && !state.Frozen, tools);
            }
        }

        Assert.Equal(201, states.Count);
        Assert.True(decisions.Select(static d => d.Revision).Distinct().Count() > 2, "readers saw too few revisions to test anything");
    }
}
