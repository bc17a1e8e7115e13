using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Storage;

namespace ConfigResolver.Cli.Inputs;

/// <summary>
/// What <c>policy push</c> and <c>policy rollback</c> share: lint and test the exact files about to be stored, find the
/// author, and render a revision. A policy that does not compile is thrown (exit 1); failing tests are reported (exit 4).
/// </summary>
internal static class PolicyPublishing
{
    /// <summary>Reads a policy directory's files exactly as they will be stored.</summary>
    /// <exception cref="CommandFailedException">The directory does not exist.</exception>
    /// <exception cref="PolicyCompilationException">A file could not be read (too large, not UTF-8, not regular, an unsafe link).</exception>
    public static List<PolicyRevisionFile> ReadDirectory(CommandContext context, string directory)
    {
        var full = context.Resolve(directory);
        if (!Directory.Exists(full))
        {
            throw new CommandFailedException($"the policy directory '{directory}' does not exist.");
        }

        var files = PolicyDirectory.Read(full, PolicyLoadingOptions.Default);
        var unreadable = files.Where(static f => f.Text is null).ToList();
        if (unreadable.Count > 0)
        {
            // The loader turns unreadable files into positioned diagnostics; compiling reports all of them at once.
            PolicyLoader.Load(files, directory.Replace('\\', '/'));
        }

        return [.. files.Select(static f => new PolicyRevisionFile(f.RelativePath, f.Text!))];
    }

    /// <summary>Compiles the files and runs their tests; returns null when both pass, else the exit code after reporting.</summary>
    /// <exception cref="PolicyCompilationException">The files do not compile (the CLI prints each problem; exit 1).</exception>
    public static async Task<int?> LintAndTestAsync(CommandContext context, IEnumerable<PolicyRevisionFile> files, string displayRoot, CancellationToken cancellationToken)
    {
        var policy = PolicyLoader.Load(files.Select(static f => new PolicyFile(f.Path, f.Text)), displayRoot, context.Console.Clock);
        var report = await PolicyTestRunner.RunAsync(policy, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (report.Succeeded)
        {
            return null;
        }

        var lines = DiagnosticRenderer.RenderAll(report.Diagnostics).ToList();
        foreach (var line in lines)
        {
            context.Report(line);
        }

        var message = $"{report.Failed} policy test case(s) failed; nothing was stored.";
        context.Report("error: " + message);
        if (context.Arguments.Json)
        {
            var diagnostics = DiagnosticRenderer.InFileOrder(report.Diagnostics).Select(static d => DiagnosticRenderer.ToJson(d));
            context.Print(JsonOutput.Error("rejected", ExitCodes.TestsFailed, message, diagnostics));
        }

        return ExitCodes.TestsFailed;
    }

    /// <summary><c>--author</c>, else <c>CFGR_AUTHOR</c>, else the login name (<c>USER</c>, <c>USERNAME</c>), else <c>unknown</c>.</summary>
    public static string Author(CommandContext context) =>
        new[] { context.Arguments.Value("--author"), context.Console.GetEnvironmentVariable("CFGR_AUTHOR"), context.Console.GetEnvironmentVariable("USER"), context.Console.GetEnvironmentVariable("USERNAME") }
            .FirstOrDefault(static a => !string.IsNullOrWhiteSpace(a)) ?? "unknown";

    /// <summary>The JSON shape of a revision: <c>{revision, content_hash, author, created_at, message, restored_from, store_revision, files}</c>.</summary>
    public static Dictionary<string, object?> Json(PolicyRevisionInfo info) => new()
    {
        ["revision"] = info.Number,
        ["content_hash"] = info.ContentHash,
        ["author"] = info.Author,
        ["created_at"] = info.CreatedAt,
        ["message"] = info.Message,
        ["restored_from"] = info.RestoredFrom,
        ["store_revision"] = info.StoreRevision,
        ["files"] = info.FileCount,
    };

    /// <summary>One line: <c>revision 3  2026-01-02T03:04:05Z  ann  sha256:0123456789ab  12 files  message</c>.</summary>
    public static string Line(PolicyRevisionInfo info)
    {
        var restored = info.RestoredFrom is { } from ? $" (rollback to revision {from})" : string.Empty;
        var message = info.Message is { } m ? "  " + m : string.Empty;
        return $"revision {info.Number}  {info.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {info.Author}  {Short(info.ContentHash)}  {info.FileCount} files{restored}{message}";
    }

    /// <summary>The content hash shortened for text output: <c>sha256:</c> and 12 hex digits.</summary>
    public static string Short(string hash) => hash.Length > 19 ? hash[..19] : hash;

    /// <summary>Parses a revision argument: a number from 1, or <c>current</c>.</summary>
    /// <exception cref="UsageException">Neither.</exception>
    public static long? ParseRevision(string text, CommandSpec spec) =>
        text == "current" ? null
        : long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : throw new UsageException($"expected a revision number (1, 2, ...) or 'current'; found '{text}'.") { Command = spec };
}
