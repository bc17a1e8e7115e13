using System.CommandLine.Parsing;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// Expands <c>@file</c> arguments: the file's lines, each split like a command line (quotes group words), lines
/// starting with <c>#</c> skipped. Paths are relative to the console's working directory; the file must be a
/// regular file of at most 1 MiB.
/// </summary>
internal static class ResponseFiles
{
    /// <summary>The largest response file read.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>A replacer for System.CommandLine that reads files relative to <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The directory relative paths start from.</param>
    /// <returns>The replacer.</returns>
    public static TryReplaceToken Replacer(string workingDirectory) =>
        (string token, out IReadOnlyList<string>? replacement, out string? error) => TryExpand(workingDirectory, token, out replacement, out error);

    private static bool TryExpand(string workingDirectory, string name, out IReadOnlyList<string>? replacement, out string? error)
    {
        replacement = null;
        error = null;
        var path = Path.GetFullPath(name, workingDirectory);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            error = $"cannot read response file '{name}': it does not exist.";
            return false;
        }

        if (info.Length > MaxBytes || (info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0)
        {
            error = $"cannot read response file '{name}': expected a regular file of at most {MaxBytes / 1024} KiB.";
            return false;
        }

        try
        {
            replacement = [.. File.ReadLines(path)
                .Select(static l => l.Trim())
                .Where(static l => l.Length > 0 && !l.StartsWith('#'))
                .SelectMany(static l => System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(l))];
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read response file '{name}': {e.Message}";
            return false;
        }
    }
}
