using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Cli.Serve;

/// <summary>
/// Builds and runs <c>cfgr serve</c>'s web application from the same pieces an application uses:
/// <c>AddConfigResolver(...).AddAspNetCore()</c> and <c>MapConfigResolverApi</c>, plus <see cref="ServeModules"/>.
/// </summary>
internal static class ServeHost
{
    /// <summary>How long a shutdown waits for in-flight requests.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var app = Build(context, settings);
        await using var owner = app.ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            throw new CommandFailedException(string.Join("; ", e.Failures));
        }
        catch (ConfigResolverException e)
        {
            var lines = DiagnosticRenderer.RenderAll(e.Diagnostics, null).ToList();
            throw new CommandFailedException(lines, [.. e.Diagnostics.Select(d => DiagnosticRenderer.ToJson(d, null))], e);
        }

        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        context.Print($"cfgr serve: listening on {string.Join(", ", addresses)}");
        context.Print($"cfgr serve: store {settings.StoreShown}; policies {ServedPolicies(settings)}"
            + $"{(settings.Enforcer is null ? string.Empty : "; casbin model loaded")}{(settings.Token is null ? string.Empty : "; bearer token required on /v1")}");
        if (settings.Playground)
        {
            context.Print($"cfgr serve: policy playground on {string.Join(", ", addresses.Select(static a => a.TrimEnd('/') + PlaygroundModule.Prefix + "/"))} (loopback only)");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: a clean shutdown, not a failure.
        }

        using var drain = new CancellationTokenSource(DrainTimeout);
        await app.StopAsync(drain.Token).ConfigureAwait(false);
        context.Print("cfgr serve: stopped");
        return ExitCodes.Ok;
    }

    private static string ServedPolicies(ServeSettings settings) =>
        settings.PolicyDirectory is null ? "store (current revision, followed through the change feed)"
        : settings.ShippedCopy is null ? settings.PolicyDirectory
        : "(built-in)";

    internal static WebApplication Build(CommandContext context, ServeSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = context.Console.WorkingDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ReportLoggerProvider(context));
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = AspNetCore.ConfigResolverApiOptions.DefaultMaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = DrainTimeout);
        builder.Services.AddSingleton(context.Console.Clock);
        builder.Services.AddConfigResolver(o =>
            {
                o.Store.Provider = settings.Provider;
                o.Store.ConnectionString = settings.Connection;
            })
            .AddAuthorization(p =>
            {
                if (settings.PolicyDirectory is { } directory)
                {
                    p.FromDirectory(directory, settings.WatchPolicies);
                }
                else
                {
                    p.FromStore();
                }
            })
            .UseEnvironmentLayer(Tenancy.CliTenancy.Environment(context))
            .AddAspNetCore();
        var modules = ServeModules.For(context, settings);
        foreach (var module in modules)
        {
            module.ConfigureServices(builder);
        }

        var app = builder.Build();
        var v1 = app.MapConfigResolverApi(new AspNetCore.ConfigResolverApiOptions
        {
            BearerToken = settings.Token,
            Enforcer = settings.Enforcer,
            PolicyDirectoryDisplay = settings.ShippedCopy is null ? null : Shipped.ShippedFiles.DisplayRoot,
        });
        foreach (var module in modules)
        {
            module.Map(app, v1);
        }

        return app;
    }
}
