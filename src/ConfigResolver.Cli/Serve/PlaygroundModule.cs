using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Hosting;
using ConfigResolver.Playground;
using ConfigResolver.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.Cli.Serve;

/// <summary>
/// <c>cfgr serve --playground</c>: the policy playground at <c>/playground/</c>, outside <c>/v1</c> (no bearer token:
/// it answers loopback clients naming a loopback host only, and serve refuses <c>--playground</c> with
/// <c>--allow-remote</c>). Its working copy starts from the serving policy's files (the directory, or with
/// <c>--policies store</c> the revision serving); checks and impact diffs run against the snapshot the server is
/// deciding with, over the store's members and live API keys.
/// </summary>
internal sealed class PlaygroundModule(CommandContext context, ServeSettings settings) : IServeModule
{
    /// <summary>Where the page lives.</summary>
    public const string Prefix = "/playground";

    public void ConfigureServices(WebApplicationBuilder builder)
    {
    }

    public void Map(WebApplication app, RouteGroupBuilder v1)
    {
        var runtime = app.Services.GetRequiredService<ConfigResolverRuntime>();
        var clock = context.Console.Clock;
        AuthorizationService Service() => runtime.Authorization ?? throw new InvalidOperationException("cfgr serve always configures policies.");
        AuthorizationSnapshot Serving() => Service().Current;
        app.MapPolicyPlayground(
            new PolicyPlaygroundOptions
            {
                Serving = Serving,
                InitialFiles = cancellationToken => settings.PolicyDirectory is { } directory
                    ? Task.FromResult<IReadOnlyDictionary<string, string>>(ReadFiles(directory))
                    : RevisionFilesAsync(runtime.Store, Service().Status.PolicyRevision?.Number, cancellationToken),
                Population = cancellationToken => ImpactPopulation.LoadAsync(runtime.Store, Serving().Facts, clock.GetUtcNow(), cancellationToken: cancellationToken),
                TimeProvider = clock,
            },
            Prefix);
    }

    /// <summary>The files of the revision serving (none before the first one).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> RevisionFilesAsync(IPolicyRevisionStore store, long? number, CancellationToken cancellationToken)
    {
        var revision = number is { } n ? await store.GetPolicyRevisionAsync(n, cancellationToken).ConfigureAwait(false) : null;
        return revision is null ? new Dictionary<string, string>() : revision.Files.ToDictionary(static f => f.Path, static f => f.Text, StringComparer.Ordinal);
    }

    /// <summary>The serving directory's readable policy files (bounded like every policy read); unreadable ones are left out.</summary>
    private static Dictionary<string, string> ReadFiles(string directory) =>
        PolicyDirectory.Read(directory).Where(static f => f.Text is not null).ToDictionary(static f => f.RelativePath, static f => f.Text!, StringComparer.Ordinal);
}
