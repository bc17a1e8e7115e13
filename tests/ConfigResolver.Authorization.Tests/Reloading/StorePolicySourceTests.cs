using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Reloading;

/// <summary>
/// <see cref="PolicySourceKind.Store"/>: the service serves the store's current policy revision and switches through the
/// change feed; a revision that does not compile or fails its tests leaves the last good one serving and is reported.
/// </summary>
public sealed class StorePolicySourceTests : IDisposable
{
    private const string Freeze = "kind: Rules\npackage: freeze\ndefault: deny\nrules:\n  - name: frozen\n    effect: deny\n    actions: [\"agents:write\"]\n    reason: \"umbrella is frozen\"\n";

    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Starting_without_any_revision_in_the_store_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<PolicyCompilationException>(StartAsync);

        var diagnostic = Assert.Single(e.Diagnostics);
        Assert.Equal((AuthorizationDiagnosticCodes.NoPolicyRevision, "store"), (diagnostic.Code, diagnostic.File));
        Assert.Contains("cfgr policy push", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_revision_is_served_by_the_next_check_without_a_restart()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        await PublishAsync("first");
        using var service = await StartAsync();
        var before = service.Check(Principal.ForUser(owner), "umbrella", "agents:write");

        await PublishAsync("freeze", ("orgs/umbrella/freeze.yaml", Freeze));
        await service.WhenChangesAppliedAsync();
        var after = service.Check(Principal.ForUser(owner), "umbrella", "agents:write");

        Assert.True(before.Allowed);
        Assert.False(after.Allowed);
        Assert.Contains("umbrella is frozen", after.Explain().Reasons);
        Assert.Equal((2L, "freeze"), (service.Status.PolicyRevision!.Number, service.Status.PolicyRevision.Message));
        Assert.Contains("(revision 2)/orgs/umbrella/freeze.yaml", service.Current.Policy.Files);
    }

    public static TheoryData<string, string, string> BadRevisions() => new()
    {
        { "rules/broken.yaml", "kind: Rules\npackage: broken\ndefault: deny\nrules:\n  - name: x\n    effect: deny\n    when: [org.stauts == 'x']\n", "POL1012 (revision 2)/rules/broken.yaml:7:" },
        { "tests/failing_test.yaml", "kind: PolicyTest\nname: failing\nfixtures:\n  orgs: { umbrella: {} }\n  users: { u: {} }\ncases:\n  - name: wrong\n    input: { user: u, org: umbrella, action: agents:read }\n    expect: allow\n", "POL2018 (revision 2)/tests/failing_test.yaml:7:" },
    };

    [Theory]
    [MemberData(nameof(BadRevisions))]
    public async Task A_revision_that_fails_keeps_the_last_good_one_serving_and_is_reported(string path, string text, string expected)
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        await PublishAsync("good");
        using var service = await StartAsync();
        var serving = service.Current;
        PolicyReloadResult? raised = null;
        service.Reloaded += (_, e) => raised = e.Result;

        await PublishAsync("bad", (path, text));
        await service.WhenChangesAppliedAsync();

        Assert.Same(serving, service.Current);
        Assert.True(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
        Assert.NotNull(raised);
        Assert.False(raised.Succeeded);
        Assert.True(service.Status.LastReloadFailed);
        Assert.Equal(1L, service.Status.PolicyRevision!.Number);
        Assert.Contains(raised.Diagnostics, d => $"{d.Code} {d.File}:{d.Line}:{d.Column}".StartsWith(expected, StringComparison.Ordinal));

        // The next good revision switches again and clears the failure.
        await PublishAsync("fixed", ("orgs/umbrella/freeze.yaml", Freeze));
        await service.WhenChangesAppliedAsync();
        Assert.Equal(3L, service.Status.PolicyRevision!.Number);
        Assert.False(service.Status.LastReloadFailed);
        Assert.False(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
    }

    [Fact]
    public async Task Membership_changes_keep_applying_on_top_of_the_store_policy()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        await PublishAsync("first");
        using var service = await StartAsync();
        var viewer = await _sandbox.UserAsync(umbrella, MembershipRole.Viewer);
        await service.WhenChangesAppliedAsync();

        Assert.False(service.Check(Principal.ForUser(viewer), "umbrella", "agents:write").Allowed);
        Assert.True(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
        Assert.True(service.Check(Principal.ForUser(viewer), "umbrella", "agents:read").Allowed);
    }

    [Fact]
    public async Task A_directory_source_ignores_policy_revisions_in_the_store()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync();
        var serving = service.Current;

        await PublishAsync("freeze", ("orgs/umbrella/freeze.yaml", Freeze));
        await service.WhenChangesAppliedAsync();

        Assert.Same(serving, service.Current);
        Assert.Null(service.Status.PolicyRevision);
        Assert.True(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
    }

    private Task<AuthorizationService> StartAsync() =>
        AuthorizationService.StartAsync(new AuthorizationOptions { PolicySource = PolicySourceKind.Store, WatchForChanges = false }, _sandbox.Store, _sandbox.Resolver);

    /// <summary>Publishes the sandbox's policy directory (the shipped policies) plus extra files as the next revision.</summary>
    private Task<PolicyPublishResult> PublishAsync(string message, params (string Path, string Text)[] extra)
    {
        var files = PolicyDirectory.Read(_sandbox.Directory).Select(f => new PolicyRevisionFile(f.RelativePath, f.Text!))
            .Concat(extra.Select(e => new PolicyRevisionFile(e.Path, e.Text)));
        return _sandbox.Store.PublishPolicyRevisionAsync(new PolicyRevisionDraft(files, "ann@example.com", message));
    }
}
