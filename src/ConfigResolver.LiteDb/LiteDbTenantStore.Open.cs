using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    private LiteDbTenantStore(LiteDatabase db, string path, ResolverOptions options, TimeProvider time, ILogger logger)
    {
        _db = db;
        _path = path;
        _timeProvider = time;
        _retention = options.ChangeLogRetention;
        _logger = logger;
        _changes = new TenantChangeBroadcaster(logger);
        _health = new ChangeFeedHealth(true, time.GetUtcNow(), null);
    }

    /// <summary>
    /// Opens (creating if needed) the LiteDB file: indexes ensured, on first open the one system organization created
    /// (revision 1), and, when shared, the poll for other processes' writes started.
    /// </summary>
    /// <param name="path">The database file; relative paths start from the current directory.</param>
    /// <param name="options">System slug, change-log retention and poll interval; defaults when null.</param>
    /// <param name="shared">
    /// True (the default) to let several processes use the file (LiteDB's shared mode: a system-wide mutex per operation);
    /// false to lock it to this process.
    /// </param>
    /// <param name="timeProvider">The clock for creation times, log rows and polling; the system clock when null.</param>
    /// <param name="loggerFactory">Where poll failures are logged; nowhere when null.</param>
    /// <param name="cancellationToken">Cancels before the file is opened.</param>
    /// <returns>The open store; dispose it to stop polling and close the file.</returns>
    /// <exception cref="ArgumentException">The path is empty or the system slug is invalid.</exception>
    /// <exception cref="TenantStoreException">The file cannot be opened, is not a LiteDB database, or is locked by another process.</exception>
    public static Task<LiteDbTenantStore> OpenAsync(
        string path,
        ResolverOptions? options = null,
        bool shared = true,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<LiteDbTenantStore>(cancellationToken);
        }

        options ??= new ResolverOptions();
        if (!TenancyRules.IsValidSlug(options.SystemSlug))
        {
            throw new ArgumentException($"The system slug must be {TenancyRules.SlugExpectation}.", nameof(options));
        }

        var time = timeProvider ?? TimeProvider.System;
        var fullPath = System.IO.Path.GetFullPath(path);
        LiteDatabase? db = null;
        try
        {
            db = new LiteDatabase(new ConnectionString { Filename = fullPath, Connection = shared ? ConnectionType.Shared : ConnectionType.Direct });
            EnsureIndexes(db);
            EnsureSystemOrganization(db, options.SystemSlug, time);
            var store = new LiteDbTenantStore(db, fullPath, options, time, loggerFactory?.CreateLogger<LiteDbTenantStore>() ?? (ILogger)NullLogger.Instance);
            store._changes.StartAt(LiteQueries.Head(db));
            if (shared)
            {
                store.StartPolling(options.ChangePollInterval);
            }

            return Task.FromResult(store);
        }
        catch (Exception e) when (LiteErrors.IsProviderFailure(e))
        {
            db?.Dispose();
            return Task.FromException<LiteDbTenantStore>(LiteErrors.Wrap(e, "Open", null, fullPath));
        }
    }

    private static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection(LiteDocs.Organizations).EnsureIndex("slug", unique: true);
        db.GetCollection(LiteDocs.Organizations).EnsureIndex("signup_key_hash");
        db.GetCollection(LiteDocs.Users).EnsureIndex("email_normalized", unique: true);
        db.GetCollection(LiteDocs.Memberships).EnsureIndex("organization_id");
        db.GetCollection(LiteDocs.Memberships).EnsureIndex("user_id");
        db.GetCollection(LiteDocs.ChangeLog).EnsureIndex("at");
        db.GetCollection(LiteAccessDocs.ApiKeys).EnsureIndex("prefix", unique: true);
        db.GetCollection(LiteAccessDocs.ApiKeys).EnsureIndex("organization_id");
        db.GetCollection(LiteAccessDocs.Invitations).EnsureIndex("token_hash", unique: true);
        db.GetCollection(LiteAccessDocs.Invitations).EnsureIndex("organization_id");
    }

    /// <summary>Creates the system organization unless one exists, inside a transaction so two processes opening a new file create one.</summary>
    private static void EnsureSystemOrganization(LiteDatabase db, string systemSlug, TimeProvider time)
    {
        db.BeginTrans();
        try
        {
            if (LiteQueries.SystemOrganization(db) is null)
            {
                var system = SystemOrganization.Create(systemSlug, time);
                db.GetCollection(LiteDocs.Organizations).Insert(LiteDocs.FromOrganization(system));
                var revision = LiteQueries.Head(db) + 1;
                db.GetCollection(LiteDocs.ChangeLog).Insert(LiteDocs.FromEntry(ChangeLogEntry.FromChanges(revision, time.GetUtcNow(), [TenantChange.OrganizationCreated(system)])));
                db.GetCollection(LiteDocs.Head).Upsert(new BsonDocument { ["_id"] = 1, ["revision"] = revision });
            }

            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }
}
