using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Serve;

/// <summary>
/// The playground end to end as a user gets it: <c>cfgr serve --playground</c> (the real host, in-process, over the
/// tenancy database) and a real headless Chromium driven through chromedriver (see <see cref="WebDriverSession"/>):
/// load the page, type an error and see it at its line, fix it, run the tests, ask a check and read the explanation,
/// change a role and see the impact against the serving policy. A screenshot is saved to artifacts/playground.png at
/// the repository root.
/// </summary>
public sealed class PlaygroundBrowserTests
{
    private const string Problems = "return [...document.querySelectorAll('#problems li')].map(li => li.textContent).join(' | ') + ' / ' + document.getElementById('lint-status').textContent;";

    [Fact(Timeout = 300_000)]
    public async Task An_admin_edits_lints_tests_checks_and_sees_the_impact_in_a_real_browser()
    {
        using var sandbox = new CliSandbox();
        var db = TenancyDatabase.Seed(sandbox);
        Assert.Equal(0, sandbox.Run("--db", db, "member", "set", "--org", "beta", "--email", "bob@acme.example", "--role", "member").ExitCode);
        await using var server = await RunningServer.StartAsync(sandbox, "--db", db, "--playground");
        await using var browser = await WebDriverSession.StartAsync();

        await browser.NavigateAsync(new Uri(server.Address, "/playground/"));
        await browser.WaitUntilAsync("return document.getElementById('lint-status').textContent === 'no problems';", "the first lint", Problems);
        Assert.Equal("roles.yaml", await browser.TextAsync("#tabs button.active"));
        var lines = (await browser.ScriptAsync("return document.getElementById('source').value.split('\\n').length;")).GetInt32();

        // Typed at the end of roles.yaml: a key the schema does not allow, on the last line.
        await browser.TypeAsync("#source", "\nbogus: 1");
        await browser.WaitUntilAsync("return document.querySelectorAll('#problems li').length > 0;", "the typing error to be reported", Problems);
        var line = lines + 1;
        var flagged = (await browser.ScriptAsync("return [...document.querySelectorAll('#gutter span.error')].map(s => Number(s.dataset.line));")).EnumerateArray().Select(static e => e.GetInt32()).ToList();
        Assert.Equal([line], flagged);
        // The unknown key may also make the loader report the file's kind (at the directory); the roles.yaml problem is at the typed line.
        var problem = (await browser.ScriptAsync("return [...document.querySelectorAll('#problems li[data-file=\"roles.yaml\"]')].map(li => li.textContent)[0] || '';")).GetString();
        Assert.StartsWith($"roles.yaml:{line}:1: error POL", problem, StringComparison.Ordinal);

        await browser.TypeAsync("#source", string.Concat(Enumerable.Repeat("\uE003", "\nbogus: 1".Length)));
        await browser.WaitUntilAsync("return document.getElementById('lint-status').textContent === 'no problems' && !document.querySelector('#gutter span.error');", "the fix to clear the error", Problems);

        await browser.ClickAsync("#run-tests");
        await browser.WaitUntilAsync("return / passed, 0 failed$/.test(document.getElementById('test-summary').textContent);", "the tests to pass",
            "return document.getElementById('test-summary').textContent;");
        Assert.DoesNotContain("FAIL", await browser.TextAsync("#test-results"), StringComparison.Ordinal);

        await browser.TypeAsync("#check-principal", "bob@acme.example");
        await browser.TypeAsync("#check-org", "acme");
        await browser.TypeAsync("#check-action", "agents:write");
        await browser.ClickAsync("#run-check");
        await browser.WaitUntilAsync("return document.getElementById('check-decision').textContent === 'allow';", "the check's decision", "return document.getElementById('check-decision').textContent;");
        Assert.Contains("because role 'member' in organization 'acme' grants 'agents:write'", await browser.TextAsync("#check-explanation"), StringComparison.Ordinal);

        // The change: member loses agents:write, edited in the page's working copy.
        await browser.ScriptAsync("""
            const source = document.getElementById('source');
            const at = source.value.indexOf('      - agents:write\n', source.value.indexOf('\n  member:\n'));
            source.value = source.value.slice(0, at) + source.value.slice(at + '      - agents:write\n'.length);
            source.dispatchEvent(new Event('input'));
            """);
        await browser.ClickAsync("#run-impact");
        await browser.WaitUntilAsync("return document.querySelectorAll('#impact-changes tr.change').length > 0;", "the impact", "return document.getElementById('impact-summary').textContent;");
        var rows = (await browser.ScriptAsync("return [...document.querySelectorAll('#impact-changes tr.change')].map(r => [...r.cells].slice(0, 4).map(c => c.textContent).join(' '));"))
            .EnumerateArray().Select(static r => r.GetString()).ToList();
        Assert.Equal(["acme bob@acme.example agents:write allow → deny", "beta bob@acme.example agents:write allow → deny"], rows);
        Assert.StartsWith("2 decision(s) change: 0 gained, 2 lost", await browser.TextAsync("#impact-summary"), StringComparison.Ordinal);

        var screenshot = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "playground.png");
        await browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");
        Assert.Contains($"cfgr serve: policy playground on {server.Address.ToString().TrimEnd('/')}/playground/ (loopback only)\n", server.Stdout, StringComparison.Ordinal);
    }
}
