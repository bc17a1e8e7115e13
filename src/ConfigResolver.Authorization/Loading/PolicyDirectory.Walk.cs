using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Shared;

namespace ConfigResolver.Authorization.Loading;

public static partial class PolicyDirectory
{
    /// <summary>One bounded, iterative walk over a policy directory.</summary>
    private sealed class Walk(string root, string realRoot, PolicyLoadingOptions options)
    {
        private static readonly EnumerationOptions s_listing = new() { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };

        // Real path -> the relative path it was first reached by, for folders and for files.
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
        private int _fileCount;

        public List<PolicyFile> Files { get; } = [];

        public void Run()
        {
            _seen[realRoot] = ".";
            var pending = new Stack<(string Relative, string Path, string Real, int Depth)>();
            pending.Push((string.Empty, root, realRoot, 0));
            while (pending.Count > 0)
            {
                var (relative, path, real, depth) = pending.Pop();
                var entries = List(relative, path);
                foreach (var entry in entries)
                {
                    var name = entry.Name;
                    if (name.StartsWith('.') || name.StartsWith('~'))
                    {
                        continue;
                    }

                    var childRelative = relative.Length == 0 ? name : relative + "/" + name;
                    var childPath = Path.Combine(path, name);
                    var kind = FileKinds.Of(childPath);
                    if (kind == FileKind.Directory)
                    {
                        Folder(pending, childRelative, childPath, real, depth + 1);
                    }
                    else if (IsPolicyName(childRelative))
                    {
                        File(childRelative, childPath, kind);
                    }
                }
            }
        }

        private List<FileSystemInfo> List(string relative, string path)
        {
            var entries = new List<FileSystemInfo>();
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", s_listing))
            {
                entries.Add(entry);
                if (entries.Count > options.MaxEntriesPerDirectory)
                {
                    Files.Add(Problem(relative.Length == 0 ? "." : relative, AuthorizationDiagnosticCodes.FileLimit,
                        $"the folder holds more than {options.MaxEntriesPerDirectory:N0} entries (PolicyLoadingOptions.MaxEntriesPerDirectory); none of it was read"));
                    return [];
                }
            }

            // Real entries first, so a folder or file reached both directly and through a link is read at its own path
            // and the link is the one reported.
            entries.Sort(static (a, b) => (a.LinkTarget is null) != (b.LinkTarget is null)
                ? (a.LinkTarget is null ? -1 : 1)
                : StringComparer.Ordinal.Compare(a.Name, b.Name));
            return entries;
        }

        private void Folder(Stack<(string, string, string, int)> pending, string relative, string path, string parentReal, int depth)
        {
            if (!Resolve(relative, path, out var real))
            {
                return;
            }

            if (_seen.TryGetValue(real, out var first))
            {
                var cycle = parentReal == real || parentReal.StartsWith(real + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.UnsafeLink, cycle
                    ? $"a symbolic link cycle: the folder leads back to '{first}', which is being read; it was not followed"
                    : $"the folder is '{first}' again through a symbolic link; each folder is read once"));
                return;
            }

            if (depth > options.MaxDirectoryDepth)
            {
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.FileLimit,
                    $"folders nest deeper than {options.MaxDirectoryDepth} levels (PolicyLoadingOptions.MaxDirectoryDepth); it was not read"));
                return;
            }

            _seen[real] = relative;
            pending.Push((relative, path, real, depth));
        }

        private void File(string relative, string path, FileKind kind)
        {
            if (kind == FileKind.Missing)
            {
                Files.Add(FileKinds.OfLink(path) == FileKind.SymbolicLink
                    ? Problem(relative, AuthorizationDiagnosticCodes.UnsafeLink, "a symbolic link that leads nowhere (or into a loop)")
                    : Problem(relative, AuthorizationDiagnosticCodes.UnreadableFile, "it was deleted while the directory was read"));
                return;
            }

            if (!Resolve(relative, path, out var real))
            {
                return;
            }

            if (kind != FileKind.Regular)
            {
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.NotRegularFile, $"the file was not opened: it is {FileKinds.Describe(kind)}, not a regular file"));
                return;
            }

            if (_seen.TryGetValue(real, out var first))
            {
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.UnsafeLink, $"the file is '{first}' again through a symbolic link; each file is read once"));
                return;
            }

            if (++_fileCount > options.MaxFiles)
            {
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.FileLimit, $"the directory holds more than {options.MaxFiles:N0} policy files (PolicyLoadingOptions.MaxFiles)"));
                return;
            }

            _seen[real] = relative;
            Files.Add(ReadOne(relative, path, options.MaxFileBytes));
        }

        /// <summary>The real path of an entry, refused (and reported) when a link takes it outside the root.</summary>
        private bool Resolve(string relative, string path, out string real)
        {
            real = FileKinds.RealPath(path) ?? string.Empty;
            if (real.Length == 0)
            {
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.UnsafeLink, "a symbolic link that leads nowhere (or into a loop)"));
                return false;
            }

            var inside = real == realRoot || real.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (!inside && !options.AllowLinksOutsideRoot)
            {
                Files.Add(Problem(relative, AuthorizationDiagnosticCodes.UnsafeLink,
                    $"a symbolic link to '{real}', outside the policy directory (PolicyLoadingOptions.AllowLinksOutsideRoot is off); it was not followed"));
                return false;
            }

            return true;
        }
    }
}
