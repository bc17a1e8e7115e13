using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ConfigResolver.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests and benchmarks, started from the machine's own server binaries
/// (<c>/usr/lib/postgresql/*/bin</c>): <c>initdb</c> into a temporary folder (as the <c>postgres</c> OS user when running
/// as root, which initdb refuses), loopback only, a free port, fsync off, its socket in the same folder; stopped and
/// deleted by <see cref="DisposeAsync"/>. When <c>CFGR_TEST_POSTGRES</c> holds a connection string, that server is used
/// instead and nothing is started. Password authentication is on, so tests can check that passwords are never printed.
/// </summary>
public sealed class PostgresTestServer : IAsyncDisposable
{
    /// <summary>The password of the <c>postgres</c> user of a started server.</summary>
    public const string Password = "cfgr-test-pw-3f9d";

    /// <summary>What to do when there is no server: the one line every PostgreSQL test fails with.</summary>
    public const string MissingBinaries =
        "PostgreSQL server binaries were not found (looked for /usr/lib/postgresql/*/bin/initdb): install them with "
        + "'apt-get install postgresql' (Debian), or set CFGR_TEST_POSTGRES to a connection string of a server to use.";

    private readonly string? _folder;
    private readonly string? _bin;
    private readonly bool _asPostgresUser;

    private PostgresTestServer(string adminConnectionString, string? folder, string? bin, bool asPostgresUser)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>Gets a connection string to the server's <c>postgres</c> database, as a superuser.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Gets whether this process started the server (and so can stop and restart it).</summary>
    public bool IsOwned => _folder is not null;

    /// <summary>Starts a server, or connects to <c>CFGR_TEST_POSTGRES</c>.</summary>
    /// <exception cref="InvalidOperationException">No binaries and no <c>CFGR_TEST_POSTGRES</c> (<see cref="MissingBinaries"/>), or the server did not start.</exception>
    public static async Task<PostgresTestServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("CFGR_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new PostgresTestServer(external, null, null, false);
        }

        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "initdb")).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
        if (initdb is null)
        {
            throw new InvalidOperationException(MissingBinaries);
        }

        var bin = Path.GetDirectoryName(initdb)!;
        var folder = Directory.CreateTempSubdirectory("cfgr-pg-").FullName;
        var asPostgresUser = Environment.UserName == "root";
        var port = FreePort();
        var server = new PostgresTestServer(
            new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Password = Password, Database = "postgres", Pooling = false }.ConnectionString,
            folder,
            bin,
            asPostgresUser);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "pwfile"), Password);
            if (asPostgresUser)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", folder]);
            }

            await server.RunPgAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "-E", "UTF8", "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", Path.Combine(folder, "pwfile")]);
            await File.AppendAllTextAsync(
                Path.Combine(server.DataFolder, "postgresql.conf"),
                $"\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{folder}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\n");
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string DataFolder => Path.Combine(_folder!, "data");

    /// <summary>Creates an empty database and returns a connection string to it (as the superuser, with the password).</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "cfgr_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Terminates every backend of a database whose last statement was <c>LISTEN</c>: the change listeners.</summary>
    /// <returns>How many were terminated.</returns>
    public async Task<int> TerminateListenersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND query ILIKE 'LISTEN%'",
            connection);
        command.Parameters.AddWithValue("db", database);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back); only for a server this process started.</summary>
    public Task StopServerAsync() => RunPgAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the server again on the same port and data.</summary>
    public Task StartServerAsync() => RunPgAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder!, "server.log"), "-w", "-t", "60", "start"]);

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await RunPgAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task RunPgAsync(string tool, string[] arguments) =>
        _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. arguments])
            : RunAsync(Path.Combine(_bin!, tool), arguments);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await error} {await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
