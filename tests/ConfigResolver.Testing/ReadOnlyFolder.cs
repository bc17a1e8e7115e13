using System.Diagnostics;

namespace ConfigResolver.Testing;

/// <summary>
/// Makes a folder read-only for real (no file can be created in it): removes the write bits, and where that does not
/// stop the current user (root ignores them) also sets the immutable attribute. Then proves it, so a test built on it
/// cannot pass by accident.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class ReadOnlyFolder
{
    /// <summary>Makes <paramref name="path"/> read-only.</summary>
    /// <param name="path">An existing folder.</param>
    public static void Make(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        if (CanCreateIn(path))
        {
            Run("chattr", "+i", path);
        }

        Assert.False(CanCreateIn(path), $"'{path}' still accepts new files; the read-only tests need chmod to bind the user or chattr +i to work.");
    }

    /// <summary>Undoes <see cref="Make"/>; does nothing when the folder is gone.</summary>
    /// <param name="path">The folder.</param>
    public static void MakeWritable(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        Run("chattr", "-i", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }

    private static bool CanCreateIn(string path)
    {
        var probe = Path.Combine(path, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static void Run(string program, string flag, string path)
    {
        using var process = Process.Start(new ProcessStartInfo(program, [flag, path]) { RedirectStandardError = true })!;
        process.WaitForExit();
    }
}
