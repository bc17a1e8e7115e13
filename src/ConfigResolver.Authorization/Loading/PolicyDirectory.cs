namespace ConfigResolver.Authorization.Loading;

/// <summary>
/// Reads a policy directory: <c>model.conf</c> at its root (optional) and every <c>*.yaml</c>/<c>*.yml</c> below it,
/// in ordinal path order. A file that disappears or cannot be read between listing and reading is returned with its
/// error rather than thrown, so a reload during an editor's save reports it like any other problem.
/// </summary>
public static class PolicyDirectory
{
    /// <summary>The model file's name at the root of a policy directory.</summary>
    public const string ModelFileName = "model.conf";

    /// <summary>Lists and reads the policy files under <paramref name="directory"/>.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The files, ordered by relative path.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<PolicyFile> Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The policy directory '{directory}' does not exist.");
        }

        var paths = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(static p => IsPolicyFile(p))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(static p => p == ModelFileName || p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return [.. paths.Select(p => ReadOne(root, p))];
    }

    private static bool IsPolicyFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith('~');
    }

    private static PolicyFile ReadOne(string root, string relative)
    {
        try
        {
            return new PolicyFile(relative, File.ReadAllText(Path.Combine(root, relative)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "it was deleted while the directory was read" : e.Message;
            return new PolicyFile(relative, null, reason);
        }
    }
}
