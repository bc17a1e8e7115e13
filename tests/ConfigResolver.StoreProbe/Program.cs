using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using ConfigResolver;
using ConfigResolver.Authorization;
using ConfigResolver.Stores;
using Microsoft.Extensions.Configuration;

// cfgr-probe: one process on a store, driven by its arguments, printing one line per observation to stdout.
//   watch LOCATOR SLUG [POLICIES EMAIL ACTION]        (POLICIES: a directory, or 'store' for the store's policy revisions)
//       prints "ready <revision>", then "resolve <storeRevision> <description> <timestamp>" whenever SLUG's resolved
//       metadata description changes and, with a policy directory, "check <storeRevision> <allow|deny> <timestamp>"
//       whenever EMAIL's decision for ACTION in SLUG changes; ends when stdin closes. Timestamps are Stopwatch ticks,
//       comparable across processes on one machine.
//   set-description LOCATOR SLUG TEXT      one write through the administration service; prints the new revision.
var culture = CultureInfo.InvariantCulture;
if (args is ["set-description", var locator, var slug, var text])
{
    await using var tenancy = await TenantStoreLocator.OpenAsync(locator, PollFast());
    await tenancy.Administration.SetConfigAsync(slug, Description(text));
    Console.WriteLine(tenancy.Store.PublishedRevision.ToString(culture));
    return 0;
}

if (args is not ["watch", var watchLocator, var watchSlug, .. var rest])
{
    await Console.Error.WriteLineAsync("usage: watch LOCATOR SLUG [POLICIES EMAIL ACTION] | set-description LOCATOR SLUG TEXT");
    return 2;
}

await using (var store = await TenantStoreLocator.OpenAsync(watchLocator, PollFast()))
{
    using var resolver = store.CreateResolver(new ConfigurationBuilder().Build());
    AuthorizationService? authorization = null;
    Principal? principal = null;
    if (rest is [var policies, var email, _])
    {
        // POLICIES 'store': the store's current policy revision, switched through the change feed.
        var options = policies == "store"
            ? new AuthorizationOptions { PolicySource = PolicySourceKind.Store, WatchForChanges = false, RunPolicyTestsOnReload = false }
            : new AuthorizationOptions { PolicyDirectory = policies, RunPolicyTestsOnReload = false };
        authorization = await AuthorizationService.StartAsync(options, store.Store, resolver);
        principal = Principal.ForUser((await store.Store.FindUserByEmailAsync(email))!.Id);
    }

    // Subscribed after the resolver and the service: when a change arrives here, both have seen it.
    var changes = Channel.CreateUnbounded<long>();
    using var subscription = store.Store.Subscribe(c => changes.Writer.TryWrite(c.Revision));
    var stdinClosed = Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        changes.Writer.TryComplete();
    });

    string? lastDescription = null;
    bool? lastAllowed = null;
    Console.WriteLine("ready " + store.Store.PublishedRevision.ToString(culture));
    await ReportAsync();
    while (await changes.Reader.WaitToReadAsync())
    {
        while (changes.Reader.TryRead(out _))
        {
        }

        await ReportAsync();
    }

    authorization?.Dispose();

    async Task ReportAsync()
    {
        var config = await resolver.ResolveAsync(watchSlug);
        var description = config.Metadata.Description ?? "-";
        if (description != lastDescription)
        {
            lastDescription = description;
            Console.WriteLine($"resolve {config.StoreRevision.ToString(culture)} {description} {Stopwatch.GetTimestamp().ToString(culture)}");
        }

        if (authorization is not null)
        {
            await authorization.WhenChangesAppliedAsync();
            var decision = authorization.Check(principal!, watchSlug, rest[2]);
            if (decision.Allowed != lastAllowed)
            {
                lastAllowed = decision.Allowed;
                Console.WriteLine($"check {decision.StoreRevision.ToString(culture)} {(decision.Allowed ? "allow" : "deny")} {Stopwatch.GetTimestamp().ToString(culture)}");
            }
        }
    }
}

return 0;

// The default poll interval (100 ms), so measured latencies are what a deployment gets.
static ResolverOptions PollFast() => new();

static string Description(string text) => $$$"""{"version":1,"metadata":{"description":"{{{text}}}"}}""";
