using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Stores;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Hosting;

/// <summary>
/// The hosted service that owns the store (and with it the change feed: SQLite and LiteDB polling, the PostgreSQL
/// listener), the resolver and the authorization service (and its policy watcher). Start opens them in that order;
/// stop closes them in reverse, so nothing keeps polling or watching after the host stops.
/// </summary>
internal sealed partial class ConfigResolverStartup(
    ConfigResolverRuntime runtime,
    IOptions<ConfigResolverOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ConfigResolverTelemetry telemetry,
    EnvironmentLayer? environment = null) : IHostedService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ConfigResolverStartup>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (store, owner, display) = await OpenStoreAsync(settings, cancellationToken).ConfigureAwait(false);
        TenantConfigResolver? resolver = null;
        AuthorizationService? authorization = null;
        ApiKeyAuthenticator? apiKeys = null;
        try
        {
            resolver = new TenantConfigResolver(
                store, environment?.Configuration, Microsoft.Extensions.Options.Options.Create(settings.Resolver), timeProvider, loggerFactory.CreateLogger<TenantConfigResolver>());
            if (settings.Policies.Source is PolicySource.Directory or PolicySource.Store)
            {
                var fromStore = settings.Policies.Source == PolicySource.Store;
                authorization = await AuthorizationService.StartAsync(
                    new AuthorizationOptions
                    {
                        PolicySource = fromStore ? PolicySourceKind.Store : PolicySourceKind.Directory,
                        PolicyDirectory = settings.Policies.Directory ?? "policies",
                        WatchForChanges = settings.Policies.Watch,
                        ReloadDebounce = settings.Policies.ReloadDebounce,
                        RunPolicyTestsOnReload = settings.Policies.RunTestsOnReload,
                        TimeProvider = timeProvider,
                    },
                    store,
                    resolver,
                    loggerFactory.CreateLogger<AuthorizationService>(),
                    cancellationToken).ConfigureAwait(false);
                authorization.Reloaded += telemetry.OnPolicyReloaded;
            }

            apiKeys = new ApiKeyAuthenticator(store, AccessSettings(), loggerFactory.CreateLogger<ApiKeyAuthenticator>());
            var administration = new TenantAdministration(store, timeProvider, loggerFactory.CreateLogger<TenantAdministration>(), settings.Resolver.DocumentLimits);
            var state = new RuntimeState(store, owner, administration, resolver, authorization, display, timeProvider.GetUtcNow()) { ApiKeys = apiKeys };
            runtime.Publish(state);
            telemetry.Attach(runtime);
            LogStarted(_logger, display, settings.Policies.Source);
        }
        catch
        {
            if (apiKeys is not null)
            {
                await apiKeys.DisposeAsync().ConfigureAwait(false);
            }

            authorization?.Dispose();
            resolver?.Dispose();
            await owner.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (runtime.TryState is not { } state)
        {
            return;
        }

        runtime.Publish(null);
        if (state.Authorization is { } authorization)
        {
            authorization.Reloaded -= telemetry.OnPolicyReloaded;
            authorization.Dispose();
        }

        if (state.ApiKeys is { } apiKeys)
        {
            // Flushes the last-used times while the store is still open.
            await apiKeys.DisposeAsync().ConfigureAwait(false);
        }

        state.Resolver.Dispose();
        await state.StoreOwner.DisposeAsync().ConfigureAwait(false);
        LogStopped(_logger, state.StoreDisplay);
    }

    private AccessOptions AccessSettings()
    {
        // The deployment's access settings (the pepper keys were hashed with, CFGR_API_KEY_PEPPER) read as the CLI reads
        // them, from the environment layer the resolver reads, else the process environment.
        var access = AccessOptions.FromConfiguration(environment?.Configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build());
        access.TimeProvider = timeProvider;
        return access;
    }

    private async Task<(ITenantStore Store, IAsyncDisposable Owner, string Display)> OpenStoreAsync(ConfigResolverOptions settings, CancellationToken cancellationToken)
    {
        if (settings.Store.Provider == StoreProvider.InMemory)
        {
            var memory = new InMemoryTenantStore(settings.Resolver, timeProvider, loggerFactory.CreateLogger<InMemoryTenantStore>());
            return (memory, new NothingToDispose(), "in-memory");
        }

        var tenancy = await TenantStoreLocator.OpenAsync(
            StoreLocator.For(settings.Store), settings.Resolver, baseDirectory: null, timeProvider, loggerFactory, cancellationToken).ConfigureAwait(false);
        return (tenancy.Store, tenancy, tenancy.Location.Display);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ConfigResolver started on store {Store} (policies: {PolicySource})")]
    private static partial void LogStarted(ILogger logger, string store, PolicySource policySource);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ConfigResolver stopped; store {Store} closed")]
    private static partial void LogStopped(ILogger logger, string store);

    private sealed class NothingToDispose : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
