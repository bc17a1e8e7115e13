using System.IO.Compression;
using System.Security.Cryptography;

namespace ConfigResolver.TestData;

/// <summary>
/// The repository's <c>testdata/</c> folder (the Casbin conformance corpus and the benchmark scenarios), found by
/// walking up from the binaries to the folder that holds <c>ConfigResolver.sln</c>. Nothing outside the clone is
/// read. Files over 1 MB are stored as <c>NAME.gz</c>; every method here reads them as if they were plain.
/// </summary>
public static class TestDataFiles
{
    private static readonly Lazy<string> s_repositoryRoot = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding <c>ConfigResolver.sln</c>).</summary>
    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>The <c>testdata/</c> folder.</summary>
    public static string Root => Path.Combine(RepositoryRoot, "testdata");

    /// <summary>The Casbin conformance corpus: <c>cases.jsonl</c>, <c>models/</c>, <c>policies/</c>, ...</summary>
    public static string CasbinCorpus => Path.Combine(Root, "casbin");

    /// <summary>The benchmark scenarios, one folder each.</summary>
    public static string BenchData => Path.Combine(Root, "bench");

    /// <summary>LAMB's organization documents, as LAMB's documentation shows them (accepted verbatim by the resolver).</summary>
    public static string Lamb => Path.Combine(Root, "lamb");

    /// <summary>Whether <paramref name="path"/> exists, plain or compressed.</summary>
    /// <param name="path">A file path (without <c>.gz</c>).</param>
    /// <returns>Whether it can be read.</returns>
    public static bool Exists(string path) => File.Exists(path) || File.Exists(path + ".gz");

    /// <summary>Opens a file for reading, decompressing <c>NAME.gz</c> when only that is stored.</summary>
    /// <param name="path">A file path (without <c>.gz</c>).</param>
    /// <returns>A readable stream of the plain bytes.</returns>
    /// <exception cref="FileNotFoundException">Neither the file nor its <c>.gz</c> exists.</exception>
    public static Stream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return File.OpenRead(path);
        }

        if (File.Exists(path + ".gz"))
        {
            return new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        }

        throw new FileNotFoundException($"Test data file '{path}' (or '{path}.gz') does not exist.", path);
    }

    /// <summary>Reads a whole file as UTF-8 text.</summary>
    /// <param name="path">A file path (without <c>.gz</c>).</param>
    /// <returns>The text.</returns>
    public static string ReadAllText(string path)
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    }

    /// <summary>Reads a file line by line.</summary>
    /// <param name="path">A file path (without <c>.gz</c>).</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(Open(path));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>
    /// A path to the plain file, for APIs that take a path: the file itself, or for a compressed one a decompressed
    /// copy in the temporary folder, named by the content hash so parallel test runs share it safely.
    /// </summary>
    /// <param name="path">A file path (without <c>.gz</c>).</param>
    /// <returns>A path to a plain file with the same name.</returns>
    public static string LocalPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path) || !File.Exists(path + ".gz"))
        {
            return path;
        }

        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path + ".gz")))[..16];
        var folder = Path.Combine(Path.GetTempPath(), "configresolver-testdata", hash);
        var target = Path.Combine(folder, Path.GetFileName(path));
        if (File.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(folder);
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var source = Open(path))
        using (var output = File.Create(partial))
        {
            source.CopyTo(output);
        }

        try
        {
            File.Move(partial, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another process won the race with identical bytes.
            File.Delete(partial);
        }

        return target;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ConfigResolver.sln")) && Directory.Exists(Path.Combine(dir.FullName, "testdata")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"The repository root (a folder holding ConfigResolver.sln and testdata/) was not found above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'.");
    }
}
