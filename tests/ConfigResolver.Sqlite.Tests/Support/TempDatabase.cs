using ConfigResolver.Testing;

namespace ConfigResolver.Sqlite.Tests.Support;

/// <summary>A database path in a fresh temporary folder, deleted with its WAL files afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("cfgr-sqlite-tests-").FullName;
        Path = System.IO.Path.Combine(Folder, "tenancy.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose()
    {
        ReadOnlyFile.MakeWritable(Path);
        Directory.Delete(Folder, recursive: true);
    }
}
