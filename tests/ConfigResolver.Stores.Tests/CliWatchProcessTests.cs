using System.Diagnostics;
using ConfigResolver.Stores.Tests.Support;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Stores.Tests;

/// <summary>
/// Issue 12's "done": real <c>cfgr</c> processes. Two <c>cfgr resolve --watch</c> processes on one store print a write
/// made by a third <c>cfgr</c> process; closing their standard input ends them with exit 0. A policy revision pushed by
/// a <c>cfgr policy push</c> process switches another process's <c>AuthorizationService</c> (the probe) through the feed.
/// </summary>
[Collection(StoresPostgresServerGroup.Name)]
public sealed class CliWatchProcessTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("litedb")]
    public async Task Two_resolve_watchers_print_a_write_made_by_a_third_process_and_end_when_stdin_closes(string kind)
    {
        var locator = await LocatorAsync(kind);
        await using (var setup = await TenantStoreLocator.OpenAsync(locator))
        {
            await setup.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Description("first") });
        }

        await using var json = ProbeProcess.StartCfgr("--db", locator, "resolve", "--org", "acme", "--watch", "--json");
        await using var text = ProbeProcess.StartCfgr("--db", locator, "resolve", "--org", "acme", "--watch");
        var before = await json.WaitForLineAsync(l => l.Contains("\"value\":\"first\"", StringComparison.Ordinal));
        await text.WaitForLineAsync(l => l.StartsWith("/metadata/description = first ", StringComparison.Ordinal));

        var file = Path.Combine(_folder, "second.json");
        await File.WriteAllTextAsync(file, Description("second"));
        var (exit, stderr) = await RunCfgrAsync("--db", locator, "org", "config", "set", "acme", "--file", file);
        Assert.True(exit == 0, stderr);
        var written = Stopwatch.StartNew();
        var after = await json.WaitForLineAsync(l => l.Contains("\"value\":\"second\"", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await text.WaitForLineAsync(l => l.StartsWith("/metadata/description = second ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        written.Stop();

        Assert.True(Revision(after) > Revision(before), $"{after} should carry a later revision than {before}");
        Assert.Equal(0, await json.CloseInputAndWaitAsync());
        Assert.Equal(0, await text.CloseInputAndWaitAsync());
    }

    [Fact]
    public async Task Ctrl_c_ends_a_real_watch_process_with_exit_130()
    {
        var locator = await LocatorAsync("sqlite");
        await using (var setup = await TenantStoreLocator.OpenAsync(locator))
        {
            await setup.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        }

        await using var watcher = ProbeProcess.StartCfgr("--db", locator, "resolve", "--org", "acme", "--watch");
        await watcher.WaitForLineAsync(l => l.StartsWith("--- store revision ", StringComparison.Ordinal));

        using (var kill = Process.Start("kill", ["-INT", watcher.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.Equal(130, await watcher.WaitForExitAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_revision_pushed_by_cfgr_switches_another_processes_authorization_service(string kind)
    {
        var locator = await LocatorAsync(kind);
        var policies = Path.Combine(_folder, "policies");
        CopyShippedPolicies(policies);
        await using (var setup = await TenantStoreLocator.OpenAsync(locator))
        {
            var admin = setup.Administration;
            await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "umbrella", Name = "Umbrella" });
            await admin.AddUserAsync("owner@umbrella.example", null);
            await admin.SetMembershipAsync("umbrella", "owner@umbrella.example", MembershipRole.Owner);
        }

        var (pushed, pushError) = await RunCfgrAsync("--db", locator, "policy", "push", policies, "--message", "first");
        Assert.True(pushed == 0, pushError);
        await using var watcher = ProbeProcess.Start("watch", locator, "umbrella", "store", "owner@umbrella.example", "agents:write");
        await watcher.WaitForLineAsync(l => l.StartsWith("check ", StringComparison.Ordinal) && l.Contains(" allow ", StringComparison.Ordinal));

        Directory.CreateDirectory(Path.Combine(policies, "orgs", "umbrella"));
        await File.WriteAllTextAsync(
            Path.Combine(policies, "orgs", "umbrella", "freeze.yaml"),
            "kind: Rules\npackage: freeze\ndefault: deny\nrules:\n  - name: frozen\n    effect: deny\n    actions: [\"agents:write\"]\n");
        (pushed, pushError) = await RunCfgrAsync("--db", locator, "policy", "push", policies, "--message", "freeze umbrella");
        Assert.True(pushed == 0, pushError);

        await watcher.WaitForLineAsync(l => l.StartsWith("check ", StringComparison.Ordinal) && l.Contains(" deny ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    private static long Revision(string jsonLine) =>
        long.Parse(jsonLine.AsSpan("{\"revision\":".Length, jsonLine.IndexOf(',', StringComparison.Ordinal) - "{\"revision\":".Length), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> LocatorAsync(string kind) => kind switch
    {
        "sqlite" => Path.Combine(_folder, "tenancy.db"),
        "litedb" => "litedb:" + Path.Combine(_folder, "tenancy.litedb"),
        _ => await fixture.Server.CreateDatabaseAsync(),
    };

    private static async Task<(int ExitCode, string Stderr)> RunCfgrAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.Environment.Remove("CFGR_DB");
        start.ArgumentList.Add(ProbeProcess.CfgrPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(wait.Token);
        return (process.ExitCode, await stderr + await stdout);
    }

    private static void CopyShippedPolicies(string target)
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "policies");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var path = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
        }
    }

    private static string Description(string text) => $$$"""{"version":1,"metadata":{"description":"{{{text}}}"}}""";
}
