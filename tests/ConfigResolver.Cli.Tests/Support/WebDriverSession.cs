using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>
/// A headless Chromium driven through chromedriver with the W3C WebDriver HTTP protocol, using only HttpClient (no
/// Selenium or Playwright package, no browser download): Debian's /usr/bin/chromium and /usr/bin/chromedriver
/// (CFGR_CHROMIUM and CFGR_CHROMEDRIVER override the paths). If either is missing or will not start, the test fails and
/// says how to install them.
/// </summary>
internal sealed class WebDriverSession : IAsyncDisposable
{
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";
    private readonly Process _driver;
    private readonly HttpClient _http;
    private readonly string _session;

    private WebDriverSession(Process driver, HttpClient http, string session) => (_driver, _http, _session) = (driver, http, session);

    public static async Task<WebDriverSession> StartAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CFGR_CHROMIUM") ?? "/usr/bin/chromium";
        var chromedriver = Environment.GetEnvironmentVariable("CFGR_CHROMEDRIVER") ?? "/usr/bin/chromedriver";
        foreach (var (path, package) in new[] { (chromium, "chromium"), (chromedriver, "chromium-driver") })
        {
            Assert.True(File.Exists(path), $"the browser test needs {path}: install it with 'apt-get install -y {package}' (.ci/run does this), or set CFGR_CHROMIUM / CFGR_CHROMEDRIVER.");
        }

        var port = FreePort();
        var log = Path.Combine(Path.GetTempPath(), $"cfgr-chromedriver-{port}.log");
        var driver = Process.Start(new ProcessStartInfo(chromedriver, $"--port={port} --log-path={log}") { UseShellExecute = false })!;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(90) };
        try
        {
            await WaitReadyAsync(http, driver);
            return new WebDriverSession(driver, http, await CreateSessionAsync(http, chromium, log));
        }
        catch
        {
            driver.Kill(entireProcessTree: true);
            driver.Dispose();
            http.Dispose();
            throw;
        }
    }

    private static async Task<string> CreateSessionAsync(HttpClient http, string chromium, string log)
    {
        var capabilities = new
        {
            capabilities = new
            {
                alwaysMatch = new Dictionary<string, object>
                {
                    ["browserName"] = "chrome",
                    ["goog:chromeOptions"] = new { binary = chromium, args = new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000" } },
                },
            },
        };
        using var response = await http.PostAsync("session", Json(capabilities));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"chromedriver could not start {chromium}: {body} (chromedriver log: {log})");
        return JsonDocument.Parse(body).RootElement.GetProperty("value").GetProperty("sessionId").GetString()!;
    }

    public Task NavigateAsync(Uri url) => CommandAsync(HttpMethod.Post, "url", new { url = url.ToString() });

    public async Task<string> FindAsync(string css)
    {
        var value = await CommandAsync(HttpMethod.Post, "element", new { @using = "css selector", value = css });
        return value.GetProperty(ElementKey).GetString()!;
    }

    public Task ClickAsync(string css) => ElementCommandAsync(css, "click", new { });

    public Task TypeAsync(string css, string text) => ElementCommandAsync(css, "value", new { text });

    public async Task<string> TextAsync(string css) => (await CommandAsync(HttpMethod.Get, $"element/{await FindAsync(css)}/text")).GetString() ?? string.Empty;

    /// <summary>Runs a script in the page and returns its value.</summary>
    public Task<JsonElement> ScriptAsync(string script, params object?[] args) => CommandAsync(HttpMethod.Post, "execute/sync", new { script, args });

    /// <summary>Polls a script until it returns true (the page updates asynchronously), or fails after the timeout with what it last saw.</summary>
    public async Task WaitUntilAsync(string script, string what, string? describe = null, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if ((await ScriptAsync(script)).ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                var seen = describe is null ? string.Empty : (await ScriptAsync(describe)).ToString();
                Assert.Fail($"timed out after {seconds} s waiting for {what}; the page shows: {seen}");
            }

            await Task.Delay(100);
        }
    }

    public async Task ScreenshotAsync(string path)
    {
        var png = (await CommandAsync(HttpMethod.Get, "screenshot")).GetString()!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(png));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await _http.DeleteAsync($"session/{_session}");
        }
        finally
        {
            _driver.Kill(entireProcessTree: true);
            await _driver.WaitForExitAsync();
            _driver.Dispose();
            _http.Dispose();
        }
    }

    private async Task ElementCommandAsync(string css, string command, object body) =>
        await CommandAsync(HttpMethod.Post, $"element/{await FindAsync(css)}/{command}", body);

    private async Task<JsonElement> CommandAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"session/{_session}/{path}") { Content = body is null ? null : Json(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"WebDriver {method} {path} failed: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("value").Clone();
    }

    private static async Task WaitReadyAsync(HttpClient http, Process driver)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.False(driver.HasExited, $"chromedriver exited at start with code {(driver.HasExited ? driver.ExitCode : 0)}.");
            try
            {
                using var status = await http.GetAsync("status");
                if (status.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("chromedriver did not answer on its port within 10 s.");
    }

    /// <summary>A JSON body with a Content-Length: chromedriver's HTTP server does not read chunked bodies.</summary>
    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
