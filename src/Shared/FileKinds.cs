using System.Runtime.InteropServices;

namespace ConfigResolver.Shared;

/// <summary>What a path names, found without opening it.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): opening it for reading blocks until a writer appears.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c> or <c>/dev/null</c>.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A symbolic link (only reported when links are not followed).</summary>
    SymbolicLink,
}

/// <summary>
/// Finds what a path names before anything opens it: opening a FIFO for reading blocks and a device never ends, so
/// every reader asks first. Compiled into each assembly that reads user-named files, from this one source.
/// </summary>
/// <remarks>
/// On Linux the answer comes from <c>statx(2)</c>, whose buffer has one layout on every architecture. Elsewhere .NET
/// tells a directory from a file but not a FIFO or a device from a regular file; those platforms rely on the size
/// bound of every read instead.
/// </remarks>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeTypeMask = 0xF000;

    /// <summary>What <paramref name="path"/> names, following symbolic links.</summary>
    public static FileKind Of(string path) => Find(path, follow: true);

    /// <summary>What <paramref name="path"/> itself is: a symbolic link is reported as one.</summary>
    public static FileKind OfLink(string path) => Find(path, follow: false);

    /// <summary>A short English name: "a directory", "a named pipe (FIFO)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing (it does not exist)",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "a symbolic link",
    };

    /// <summary>Whether the current user may write to <paramref name="path"/> (a file, or a folder: create files in it).</summary>
    /// <remarks>Asks the kernel (<c>access(2)</c>) on Linux, so root, ACLs, read-only mounts and immutable files count.</remarks>
    public static bool IsWritable(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return Access(path, 2) == 0;
        }

        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReadOnly) == 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The canonical absolute path with every symbolic link resolved, or null when it does not resolve (dangling, a loop).</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var resolved = RealPathNative(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                Free(resolved);
            }
        }

        try
        {
            var full = Path.GetFullPath(path);
            FileSystemInfo info = System.IO.Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            return info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static FileKind Find(string path, bool follow)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = default(StatxBuffer);
            if (Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType, ref buffer) == 0)
            {
                return (buffer.Mode & ModeTypeMask) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0x1000 => FileKind.Fifo,
                    0x2000 => FileKind.CharacterDevice,
                    0x6000 => FileKind.BlockDevice,
                    0xC000 => FileKind.Socket,
                    _ => FileKind.SymbolicLink,
                };
            }
        }

        return Portable(path, follow);
    }

    private static FileKind Portable(string path, bool follow)
    {
        var info = new FileInfo(path);
        if (!follow && info.Exists && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (info.Exists)
        {
            return FileKind.Regular;
        }

        return System.IO.Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, ref StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    /// <summary>The fixed 256-byte <c>struct statx</c>; only the mode (offset 28) is read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
