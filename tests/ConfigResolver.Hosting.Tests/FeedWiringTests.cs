using ConfigResolver.Authorization;
using ConfigResolver.Stores;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.Hosting.Tests;

public sealed class FeedWiringTests
{
    [Fact]
    public async Task Writes_by_another_process_on_the_same_sqlite_file_reach_the_hosts_resolver_and_checks()
    {
        var directory = Directory.CreateTempSubdirectory("cfgr-hosting-feed-").FullName;
        var path = Path.Combine(directory, "tenancy.db");
        try
        {
            using var host = HostFactory.Build(
                new Dictionary<string, string?> { ["ConfigResolver:Store:Provider"] = "Sqlite", ["ConfigResolver:Store:ConnectionString"] = path },
                b => b.AddAuthorization(p => p.FromDirectory(HostFactory.ShippedPolicies, watch: false)));
            await host.StartAsync();
            var resolver = host.Services.GetRequiredService<ITenantConfigResolver>();
            var checker = host.Services.GetRequiredService<IAuthorizationChecker>();

            await using (var other = await TenantStoreLocator.OpenAsync(path))
            {
                var (alice, victor) = await Seed.AcmeAsync(other.Administration);

                // The host learns of the other opener's writes only through its change feed (the SQLite poller).
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!checker.Check(Principal.ForUser(alice.Id), "acme", "agents:delete").Allowed)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the host never saw the membership written by the other opener");
                    await Task.Delay(50);
                }

                Assert.Equal("gpt-4o", (await resolver.ResolveAsync("acme")).Providers["openai"].DefaultModel);
                Assert.False(checker.Check(Principal.ForUser(victor.Id), "acme", "agents:delete").Allowed);
                await other.Administration.SetMembershipAsync("acme", victor.Email, MembershipRole.Admin);
                while (!checker.Check(Principal.ForUser(victor.Id), "acme", "agents:delete").Allowed)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the host never saw the promotion written by the other opener");
                    await Task.Delay(50);
                }
            }

            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
