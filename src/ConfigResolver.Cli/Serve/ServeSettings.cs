using System.Net;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Commands;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Hosting;
using ConfigResolver.Policy;
using ConfigResolver.Stores;

namespace ConfigResolver.Cli.Serve;

/// <summary><c>cfgr serve</c>'s command line, checked: addresses (loopback unless allowed), token, store, policies, Casbin model.</summary>
internal sealed record ServeSettings(
    string[] Urls, string? Token, StoreProvider Provider, string Connection, string StoreShown, string? PolicyDirectory, bool WatchPolicies, string? ShippedCopy, Enforcer? Enforcer, bool Playground = false)
{
    public const string DefaultUrl = "http://127.0.0.1:8181";
    private const int MaxTokenBytes = 4096;

    public static ServeSettings Read(CommandContext context, CommandSpec spec)
    {
        var args = context.Arguments;
        var playground = args.Has("--playground");
        if (playground && args.Has("--allow-remote"))
        {
            // The playground has no login: it is for the admin at this machine, so it never shares a remotely reachable server.
            throw new UsageException("'--playground' cannot be combined with '--allow-remote': the playground answers loopback clients only; serve it from a loopback-only instance.") { Command = spec };
        }

        var urls = (args.Value("--urls") ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            CheckUrl(url, args.Has("--allow-remote"), spec);
        }

        if (args.Value("--policy") is not null && args.Value("--model") is null)
        {
            throw new UsageException("'--policy' needs '--model': the Casbin model the policy lines belong to.") { Command = spec };
        }

        var token = args.Value("--token-file") is { } tokenFile ? ReadToken(context, tokenFile) : null;
        var enforcer = args.Value("--model") is { } model ? EnforceCommand.Load(context, model, args.Value("--policy")) : null;
        var shown = context.Globals.DatabasePath;
        var location = StoreLocation.Parse(shown, context.Console.WorkingDirectory);
        var provider = location.Kind switch
        {
            StoreKind.Postgres => StoreProvider.Postgres,
            StoreKind.LiteDb => StoreProvider.LiteDb,
            _ => StoreProvider.Sqlite,
        };

        var (directory, watch, copy) = Policies(context, args.Value("--policies"));
        return new ServeSettings(urls, token, provider, location.Target, location.Display, directory, watch, copy, enforcer, playground);
    }

    /// <summary>Gets a value indicating whether the policies are the store's current revision (<c>--policies store</c>).</summary>
    public bool PoliciesFromStore => PolicyDirectory is null;

    public void DeleteShippedPolicies()
    {
        if (ShippedCopy is not null && Directory.Exists(ShippedCopy))
        {
            Directory.Delete(ShippedCopy, recursive: true);
        }
    }

    private static (string? Directory, bool Watch, string? Copy) Policies(CommandContext context, string? value)
    {
        if (string.Equals(value, CheckCommand.StoreSource, StringComparison.Ordinal))
        {
            // The store's current revision; the authorization service follows new revisions through the change feed.
            return (null, false, null);
        }

        if (value is not null)
        {
            var full = context.Resolve(value);
            return Directory.Exists(full) ? (full, true, null) : throw new CommandFailedException($"the policy directory '{value}' does not exist.");
        }

        // The shipped policies, written to a private temporary folder for the policy loader and removed on exit.
        var copy = Path.Combine(context.Console.TempDirectory ?? Path.GetTempPath(), "cfgr-serve-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in ShippedFiles.Policies)
        {
            var target = Path.Combine(copy, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        return (copy, false, copy);
    }

    private static string ReadToken(CommandContext context, string path)
    {
        var token = context.ReadText(path, "token file", MaxTokenBytes).Trim();
        return token.Length > 0 ? token : throw new CommandFailedException($"the token file '{path}' is empty.");
    }

    private static void CheckUrl(string url, bool allowRemote, CommandSpec spec)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'--urls' expects http:// or https:// addresses such as {DefaultUrl}; found '{url}'.") { Command = spec };
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback && !allowRemote)
        {
            throw new UsageException($"'{url}' is not a loopback address; cfgr serve listens on loopback unless '--allow-remote' is given.") { Command = spec };
        }
    }
}
