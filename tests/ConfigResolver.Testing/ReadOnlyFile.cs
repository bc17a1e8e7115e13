using System.Diagnostics;

namespace ConfigResolver.Testing;

/// <summary>
/// Makes a file read-only for real: removes the write permission bits, and where that does not stop the current user
/// (root ignores them) also sets the immutable attribute. Then proves the file refuses writes, so a test built on it
/// cannot pass by accident.
/// </summary>
public static class ReadOnlyFile
{
    public static void Make(string path)
    {
        File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            if (CanWrite(path))
            {
                Run("chattr", "+i", path);
            }
        }

        Assert.False(CanWrite(path), $"'{path}' is still writable; the read-only tests need chmod to bind the user or chattr +i to work.");
    }

    public static void MakeWritable(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && !CanWrite(path))
        {
            Run("chattr", "-i", path, mayFail: true);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
    }

    private static bool CanWrite(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static void Run(string program, string flag, string path, bool mayFail = false)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, [flag, path]) { RedirectStandardError = true })!;
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception) when (mayFail)
        {
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{program}' is needed to make '{path}' read-only for this user but could not run: {e.Message}");
        }
    }
}
