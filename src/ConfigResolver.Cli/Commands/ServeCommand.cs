using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Serve;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr serve</c>: the reference ASP.NET Core host (ConfigResolver.Hosting and ConfigResolver.AspNetCore) serving the
/// HTTP API to services in any language. Runs until Ctrl+C or SIGTERM, drains in-flight requests, exits 0.
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "serve",
        "Serve resolution, checks and Casbin enforcement over HTTP (loopback by default) until Ctrl+C.",
        new OptionSpec("--policies", "DIR|store", "The policy directory, watched for edits (default: the policies shipped inside cfgr), or 'store': the current revision of 'cfgr policy push', following new ones."),
        new OptionSpec("--urls", "URLS", "Where to listen, ';'-separated (default http://127.0.0.1:8181; port 0 picks a free port)."),
        new OptionSpec("--allow-remote", null, "Allow --urls that are not loopback addresses (put a TLS proxy and --token-file in front)."),
        new OptionSpec("--playground", null, "Also serve the policy playground page at /playground/ (loopback clients only; refused with --allow-remote)."),
        new OptionSpec("--token-file", "F", "A file holding the bearer token every /v1 call must send (Authorization: Bearer <token>)."),
        new OptionSpec("--model", "M.conf", "A Casbin model for /v1/enforce and /v1/enforce/batch."),
        new OptionSpec("--policy", "P.csv", "The Casbin policy lines for --model."))
    {
        Description = """
            Endpoints: GET /v1/orgs/{slug}/config?setup=S&explain=true (the JSON of 'cfgr resolve --json', secrets
            always redacted), POST /v1/check, POST /v1/enforce, POST /v1/enforce/batch, GET /healthz (200, or 503 when
            a check is unhealthy), GET /metrics (Prometheus text). With '--policies store' every instance serves the
            store's current policy revision and switches when 'cfgr policy push' or 'rollback' publishes another; a
            revision that does not compile leaves the last good one serving (/healthz reports it). With --playground, GET /playground/ is a page where
            an admin edits a working copy of the serving policy files, sees lint errors at their line as they type,
            runs the policy tests, asks a check with its explanation and sees the impact diff against the policy
            being served (nothing is written; it answers only loopback clients that name a loopback host). Prints
            'listening on URL' once ready. Request bodies over 1 MiB, bad JSON and unknown fields get 400 problem
            details naming the JSON path. Ctrl+C or SIGTERM stops accepting connections, lets in-flight requests
            finish (up to 10 s) and exits 0. Details: docs/hosting.md.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = ServeSettings.Read(context, Spec);
        try
        {
            return await ServeHost.RunAsync(context, settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            settings.DeleteShippedPolicies();
        }
    }
}
