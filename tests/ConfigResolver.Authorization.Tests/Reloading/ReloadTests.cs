using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Reloading;

public sealed class ReloadTests : IDisposable
{
    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Successful_reload_publishes_the_next_revision_and_changes_decisions()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var viewer = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync();
        var before = service.Check(Principal.ForUser(viewer), "umbrella", "agents:write");
        _sandbox.Write("orgs/umbrella/freeze.yaml", """
            kind: Rules
            package: freeze
            default: deny
            rules:
              - name: frozen
                effect: deny
                actions: ["agents:write"]
                reason: "umbrella is frozen"
            """);

        var result = await service.ReloadAsync();
        var after = service.Check(Principal.ForUser(viewer), "umbrella", "agents:write");

        Assert.True(result.Succeeded);
        Assert.True(before.Allowed);
        Assert.False(after.Allowed);
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Equal(after.Revision, service.Status.Revision);
        Assert.False(service.Status.LastReloadFailed);
    }

    public static TheoryData<string, string?, string> BadChanges() => new()
    {
        { "rules/org-status.yaml", "kind: Rules\npackage: org.status\ndefault: deny\nrules:\n  - name: x\n    effect: deny\n    when: [org.stauts == 'x']\n", "POL1012 policies-dir/rules/org-status.yaml:7:16" },
        { "rules/providers.yaml", "kind: Rules\npackage: providers\ndefault: deny\nrules:\n  - name: provider-must-be-enabled\n    effect: deny\n    actions: [completions:cre", "POL2001 policies-dir/rules/providers.yaml:" },
        { "roles.yaml", null, "POL2022 policies-dir:0:0" },
        { "rules/extra.yaml", "kind: Rules\npackage: extra\ndefault: deny\nrules:\n\t- name: x\n", "POL2002 policies-dir/rules/extra.yaml:5:1" },
        { "tests/broken_test.yaml", "kind: PolicyTest\nname: failing\nfixtures:\n  orgs: { umbrella: {} }\n  users: { u: {} }\ncases:\n  - name: wrong\n    input: { user: u, org: umbrella, action: agents:read }\n    expect: allow\n", "POL2018 policies-dir/tests/broken_test.yaml:7:11" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task Rejected_reload_keeps_the_last_good_snapshot_serving_and_reports_where(string file, string? text, string expected)
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync();
        var serving = service.Current;
        PolicyReloadResult? raised = null;
        service.Reloaded += (_, e) => raised = e.Result;
        if (text is null)
        {
            File.Delete(_sandbox.Path_(file));
        }
        else
        {
            _sandbox.Write(file, text);
        }

        var result = await service.ReloadAsync();

        Assert.False(result.Succeeded);
        Assert.Same(result, raised);
        Assert.Same(serving, service.Current);
        Assert.True(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
        Assert.True(service.Status.LastReloadFailed);
        Assert.Equal(result.Diagnostics, service.Status.LastErrors);
        var rendered = result.Diagnostics.Select(d => $"{d.Code} {d.File?.Replace(_sandbox.Directory, "policies-dir", StringComparison.Ordinal)}:{d.Line ?? 0}:{d.Column ?? 0}").ToList();
        Assert.Contains(rendered, r => r.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watcher_reloads_after_a_file_changes_and_ignores_a_half_written_file_until_it_is_complete()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync(watch: true);
        var results = new List<PolicyReloadResult>();
        service.Reloaded += (_, e) => { lock (results) { results.Add(e.Result); } };
        const string Full = "kind: Rules\npackage: freeze\ndefault: deny\nrules:\n  - name: frozen\n    effect: deny\n    actions: [agents:write]\n";

        _sandbox.Write("orgs/umbrella/freeze.yaml", Full[..40]);
        await WaitUntilAsync(() => { lock (results) { return results.Count >= 1; } });
        Assert.True(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);

        _sandbox.Write("orgs/umbrella/freeze.yaml", Full);
        await WaitUntilAsync(() => { lock (results) { return results.Any(static r => r.Succeeded); } });

        Assert.False(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
        lock (results)
        {
            Assert.False(results[0].Succeeded);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for a reload");
            await Task.Delay(25);
        }
    }
}
