using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Resolution;
using ConfigResolver.Stores;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr demo</c>: creates a fresh database with a system organization fed from the environment, two organizations and
/// users with roles, then prints each organization's resolved configuration with provenance (secrets redacted).
/// </summary>
internal sealed class DemoCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec("demo", "Create a demo database and print each organization's resolved configuration.")
    {
        Description = """
            Uses a new temporary database unless --db names a file that does not exist yet (CFGR_DB is ignored: the demo
            never touches an existing database). The environment layer is your environment variables; OPENAI_* and
            LAMB_KB_* variables you have not set get labelled demo defaults. The closing hints are written the way you
            run cfgr: 'cfgr ...' for the installed tool, 'dotnet run --project ... --' from a clone.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shownPath = context.Globals.DatabaseGiven
            ? context.Globals.DatabasePath
            : Path.Combine(context.Console.TempDirectory ?? Path.GetTempPath(), $"cfgr-demo-{Guid.NewGuid():N}.db");
        if (File.Exists(context.Resolve(shownPath)))
        {
            throw new CommandFailedException($"'{shownPath}' already exists; the demo needs a fresh database: give --db a new path or delete the file.");
        }

        var real = CliTenancy.Environment(context);
        var environment = new ConfigurationBuilder()
            .AddInMemoryCollection(DemoData.EnvironmentDefaults.Select(d => new KeyValuePair<string, string?>(d.Key, d.Value)))
            .AddConfiguration(real)
            .Build();
        context.Print("cfgr demo: a system organization fed from the environment, two organizations and four users.");
        context.Print("database: " + shownPath);
        context.Print(string.Empty);
        PrintEnvironment(context, real);
        return await CliTenancy.RunAsync(
            context,
            async tenancy =>
            {
                using var resolver = tenancy.CreateResolver(environment);
                await PopulateAsync(tenancy, cancellationToken).ConfigureAwait(false);
                await PrintTenancyAsync(context, tenancy, cancellationToken).ConfigureAwait(false);
                var system = await tenancy.Store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
                foreach (var slug in new[] { system.Slug }.Concat(DemoData.Organizations.Select(o => o.Slug)))
                {
                    PrintConfig(context, await resolver.ResolveAsync(slug, cancellationToken: cancellationToken).ConfigureAwait(false));
                }

                context.Print("Secrets print as [redacted]. Explore the database (later commands read only your real environment):");
                var db = shownPath.Contains(' ', StringComparison.Ordinal) ? $"'{shownPath}'" : shownPath;
                var cfgr = context.Console.Invocation;
                context.Print($"  {cfgr} --db {db} resolve --org acme --explain");
                context.Print($"  {cfgr} --db {db} resolve --user carol@globex.example --json");
                context.Print($"  {cfgr} --db {db} org show acme");
                context.Print("Ask the policies shipped inside cfgr who may do what, and why not (exit code 3 means denied):");
                context.Print($"  {cfgr} --db {db} check --user bob@acme.example --org acme --action agents:delete --explain");
                context.Print($"  {cfgr} --db {db} check --user carol@globex.example --org globex --action completions:create --resource provider/ollama --explain");
                context.Print("Write those policies out to edit, lint and test them:");
                context.Print($"  {cfgr} policy init my-policies");
                return ExitCodes.Ok;
            },
            databasePath: shownPath).ConfigureAwait(false);
    }

    private static void PrintEnvironment(CommandContext context, IConfiguration real)
    {
        context.Print("environment layer (env):");
        var rows = DemoData.EnvironmentDefaults.Select(d =>
        {
            var yours = real[d.Key] is { Length: > 0 } set ? set : null;
            return (d.Key, Shown: d.IsSecret ? "[redacted]" : yours ?? d.Value, Label: yours is null ? "(demo default)" : "(from your environment)");
        }).ToList();
        var (keyWidth, valueWidth) = (rows.Max(r => r.Key.Length), rows.Max(r => r.Shown.Length));
        foreach (var (key, shown, label) in rows)
        {
            context.Print($"  {key.PadRight(keyWidth)}  {shown.PadRight(valueWidth)}  {label}");
        }

        context.Print(string.Empty);
    }

    private static async Task PopulateAsync(StoreTenancy tenancy, CancellationToken cancellationToken)
    {
        var admin = tenancy.Administration;
        var system = await tenancy.Store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
        await admin.SetConfigAsync(system.Slug, DemoData.SystemConfig, cancellationToken).ConfigureAwait(false);
        foreach (var (slug, name, _, config) in DemoData.Organizations)
        {
            await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = slug, Name = name, ConfigJson = config }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (email, name, _) in DemoData.Users)
        {
            await admin.AddUserAsync(email, name, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (email, _, memberships) in DemoData.Users)
        {
            foreach (var (org, role) in memberships)
            {
                await admin.SetMembershipAsync(org, email, role, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task PrintTenancyAsync(CommandContext context, StoreTenancy tenancy, CancellationToken cancellationToken)
    {
        var store = tenancy.Store;
        context.Print("organizations:");
        var system = await store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
        var width = DemoData.Organizations.Select(o => o.Slug).Append(system.Slug).Max(s => s.Length);
        context.Print($"  {system.Slug.PadRight(width)}  the system organization: operator defaults; users without an organization resolve here");
        foreach (var (slug, _, shows, _) in DemoData.Organizations)
        {
            context.Print($"  {slug.PadRight(width)}  {shows}");
        }

        context.Print(string.Empty);
        context.Print("users:");
        var users = await store.ListUsersAsync(cancellationToken).ConfigureAwait(false);
        var emailWidth = users.Max(u => u.Email.Length);
        foreach (var user in users)
        {
            var roles = new List<string>();
            string? defaultSlug = null;
            foreach (var membership in await store.ListMembershipsOfUserAsync(user.Id, cancellationToken).ConfigureAwait(false))
            {
                var organization = await store.GetOrganizationAsync(membership.OrganizationId, cancellationToken).ConfigureAwait(false);
                roles.Add($"{TenancyNames.ToName(membership.Role)} of {organization!.Slug}");
                defaultSlug = membership.OrganizationId == user.DefaultOrganizationId ? organization.Slug : defaultSlug;
            }

            context.Print(roles.Count == 0
                ? $"  {user.Email.PadRight(emailWidth)}  no organization; resolves against {system.Slug}"
                : $"  {user.Email.PadRight(emailWidth)}  {string.Join(", ", roles)}; resolves against {defaultSlug}");
        }

        context.Print(string.Empty);
    }

    /// <summary>
    /// Prints a configuration; providers no layer mentions are summed up in one line instead of five, and the other values
    /// no layer sets in one line with their count (<c>cfgr resolve</c> lists every value).
    /// </summary>
    private static void PrintConfig(CommandContext context, TenantConfig config)
    {
        context.Print("== " + TenantConfigRenderer.Heading(config) + " ==");
        var unmentioned = config.Providers.Values.Where(p => p.State == ProviderState.Absent).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        bool IsUnmentionedProvider(ResolvedValue v) => unmentioned.Any(p => v.Pointer.StartsWith($"/providers/{p}/", StringComparison.Ordinal));
        var unset = config.AllValues.Count(v => v.State == ValueState.Absent && !v.Pointer.StartsWith("/providers/", StringComparison.Ordinal));
        foreach (var line in TenantConfigRenderer.Values(config, revealSecrets: false, explain: false, v => !IsUnmentionedProvider(v) && (v.State != ValueState.Absent || v.Pointer.StartsWith("/providers/", StringComparison.Ordinal))))
        {
            context.Print(line);
        }

        if (unmentioned.Count > 0)
        {
            context.Print($"/providers/{{{string.Join(",", unmentioned.Order(StringComparer.Ordinal))}}}: no layer mentions them (absent)");
        }

        if (unset > 0)
        {
            context.Print($"{unset} other values no layer sets (absent); 'resolve --org {config.OrganizationSlug}' lists every value");
        }

        context.Print(string.Empty);
    }
}
