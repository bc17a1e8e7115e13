using System.Diagnostics;
using System.Globalization;
using ConfigResolver.Stores;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Benchmarks.Propagation;

/// <summary>
/// Cross-process propagation latency, which is not a micro-benchmark: this process (instance A) writes; a StoreProbe process
/// (instance B, its own resolver and AuthorizationService over the shipped policies) prints a Stopwatch timestamp when
/// its cached resolve shows the write and when its check flips. One write at a time, each waited for; p50/p99 over N writes.
/// <c>dotnet run -c Release --project benchmarks/ConfigResolver.Benchmarks -- propagation sqlite|litedb|postgres [N]</c>
/// </summary>
internal static class PropagationHarness
{
    public static async Task RunAsync(string kind, int writes)
    {
        var root = TestPaths.RepositoryRoot;
        var folder = Directory.CreateTempSubdirectory("cfgr-propagation-").FullName;
        await using var server = kind == "postgres" ? await PostgresTestServer.StartAsync().ConfigureAwait(false) : null;
        try
        {
            var locator = kind switch
            {
                "postgres" => await server!.CreateDatabaseAsync().ConfigureAwait(false),
                "litedb" => "litedb:" + Path.Combine(folder, "tenancy.litedb"),
                _ => Path.Combine(folder, "tenancy.db"),
            };
            var writer = await TenantStoreLocator.OpenAsync(locator).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                var admin = writer.Administration;
                await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Description(0) }).ConfigureAwait(false);
                await admin.AddUserAsync("owner@acme.example").ConfigureAwait(false);
                await admin.AddUserAsync("mia@acme.example").ConfigureAwait(false);
                await admin.SetMembershipAsync("acme", "owner@acme.example", MembershipRole.Owner).ConfigureAwait(false);
                await admin.SetMembershipAsync("acme", "mia@acme.example", MembershipRole.Viewer).ConfigureAwait(false);
                var probe = new ProbeRunner(root, "watch", locator, "acme", Path.Combine(root, "policies"), "mia@acme.example", "agents:write");
                await using (probe.ConfigureAwait(false))
                {
                    await probe.NextAsync("resolve").ConfigureAwait(false);
                    await probe.NextAsync("check").ConfigureAwait(false);
                    var resolve = new List<double>(writes);
                    var check = new List<double>(writes);
                    var writeCalls = new List<double>(writes);
                    var afterReturn = new List<double>(writes);

                    // A random pause before each write, so writes do not fall in step with a poller's ticks.
                    var jitter = new Random(42);
                    for (var i = 1; i <= writes; i++)
                    {
                        await Task.Delay(jitter.Next(0, 100)).ConfigureAwait(false);
                        var start = Stopwatch.GetTimestamp();
                        await admin.SetConfigAsync("acme", Description(i)).ConfigureAwait(false);
                        var returned = Stopwatch.GetTimestamp();
                        writeCalls.Add(Stopwatch.GetElapsedTime(start, returned).TotalMilliseconds);
                        var seen = ProbeRunner.Timestamp(await probe.NextAsync("resolve").ConfigureAwait(false));
                        resolve.Add(Stopwatch.GetElapsedTime(start, seen).TotalMilliseconds);
                        afterReturn.Add(Stopwatch.GetElapsedTime(returned, seen).TotalMilliseconds);
                    }

                    for (var i = 1; i <= writes; i++)
                    {
                        await Task.Delay(jitter.Next(0, 100)).ConfigureAwait(false);
                        var start = Stopwatch.GetTimestamp();
                        await admin.SetMembershipAsync("acme", "mia@acme.example", i % 2 == 1 ? MembershipRole.Member : MembershipRole.Viewer).ConfigureAwait(false);
                        check.Add(Stopwatch.GetElapsedTime(start, ProbeRunner.Timestamp(await probe.NextAsync("check").ConfigureAwait(false))).TotalMilliseconds);
                    }

                    Console.WriteLine($"propagation {kind}: {writes} writes each, write on A (this process) -> visible on B (StoreProbe process)");
                    Console.WriteLine("| path | p50 | p99 | max | mean |");
                    Console.WriteLine("|---|---:|---:|---:|---:|");
                    Print("B's cached resolve shows the config write", resolve);
                    Print("B's AuthorizationService check flips with the membership write", check);
                    Print("(A's config write call itself: validate, read, commit)", writeCalls);
                    Print("(from A's write call returning to B's resolve showing it)", afterReturn);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Print(string what, List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {At(0.50):F2} ms | {At(0.99):F2} ms | {milliseconds[^1]:F2} ms | {milliseconds.Average():F2} ms |"));
    }

    private static string Description(int i) => $$$"""{"version":1,"metadata":{"description":"v{{{i}}}"}}""";
}
