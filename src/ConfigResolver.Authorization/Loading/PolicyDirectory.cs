using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Shared;

namespace ConfigResolver.Authorization.Loading;

/// <summary>
/// Reads a policy directory: <c>model.conf</c> at its root (optional) and every <c>*.yaml</c>/<c>*.yml</c> below it,
/// in ordinal path order. A file that disappears or cannot be read between listing and reading is returned with its
/// error rather than thrown, so a reload during an editor's save reports it like any other problem.
/// </summary>
/// <remarks>
/// The walk is bounded (<see cref="PolicyLoadingOptions"/>): folders are visited iteratively, each real path at most
/// once (a symbolic link cycle or two links to one place are reported, never followed forever), links never lead
/// outside the directory unless allowed, FIFOs, devices and sockets are refused before anything opens them, and each
/// file's size is checked before it is read. Every problem comes back as a <see cref="PolicyFile"/> with an
/// <see cref="PolicyFile.ErrorCode"/>.
/// </remarks>
public static partial class PolicyDirectory
{
    /// <summary>The model file's name at the root of a policy directory.</summary>
    public const string ModelFileName = "model.conf";

    /// <summary>Lists and reads the policy files under <paramref name="directory"/> with the default limits.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The files, ordered by relative path.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<PolicyFile> Read(string directory) => Read(directory, PolicyLoadingOptions.Default);

    /// <summary>Lists and reads the policy files under <paramref name="directory"/>.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="options">The limits on files, folders and links.</param>
    /// <returns>The files and the problems met, ordered by relative path.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<PolicyFile> Read(string directory, PolicyLoadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(directory);
        if (FileKinds.Of(root) != FileKind.Directory || FileKinds.RealPath(root) is not { } realRoot)
        {
            throw new DirectoryNotFoundException($"The policy directory '{directory}' does not exist.");
        }

        var walk = new Walk(root, realRoot, options);
        walk.Run();
        return [.. walk.Files.OrderBy(static f => f.RelativePath, StringComparer.Ordinal)];
    }

    private static bool IsPolicyName(string relative) =>
        relative == ModelFileName || relative.EndsWith(".yaml", StringComparison.Ordinal) || relative.EndsWith(".yml", StringComparison.Ordinal);

    private static PolicyFile Problem(string relative, string code, string error) => new(relative, null, error) { ErrorCode = code };

    private static PolicyFile ReadOne(string relative, string path, long maxBytes)
    {
        var read = BoundedText.ReadFile(path, maxBytes);
        return read.Failure switch
        {
            TextReadFailure.None => new PolicyFile(relative, read.Text),
            TextReadFailure.Missing => Problem(relative, AuthorizationDiagnosticCodes.UnreadableFile, "it was deleted while the directory was read"),
            TextReadFailure.NotRegular => Problem(relative, AuthorizationDiagnosticCodes.NotRegularFile, "the file was not read: " + read.Detail),
            TextReadFailure.TooLarge => Problem(relative, AuthorizationDiagnosticCodes.FileLimit, "the file was not read: " + read.Detail + " (PolicyLoadingOptions.MaxFileBytes)"),
            TextReadFailure.InvalidUtf8 => Problem(relative, AuthorizationDiagnosticCodes.InvalidText, read.Detail) with { ErrorLine = read.Line, ErrorColumn = read.Column },
            _ => Problem(relative, AuthorizationDiagnosticCodes.UnreadableFile, read.Detail),
        };
    }
}
