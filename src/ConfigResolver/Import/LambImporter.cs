using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Import;

/// <summary>
/// Brings a LAMB installation's organizations, users and memberships into a tenancy store: LAMB's system organization
/// becomes the store's system organization; every document is validated, and an organization whose document fails is
/// rejected with its diagnostics and nothing of it is written; what is already in the store is skipped, never replaced.
/// The report lists every row's outcome and the organizations that hold the system organization's provider keys.
/// </summary>
/// <remarks>
/// Rules where LAMB and this store differ: a user without an email, or with an email an earlier LAMB user has, is
/// rejected; roles other than owner, admin and member are rejected; a user's LAMB organization without a role row is a
/// <c>member</c> membership (as LAMB lists it); an organization with members but no owner gets its first admin (lowest
/// LAMB id) as owner, noted in the report, and with no admin either its memberships are rejected; a user is created only
/// when one of their memberships is written or they belong to no LAMB organization. Writes go through
/// <see cref="TenantAdministration"/>, one at a time; a dry run checks everything and writes nothing.
/// </remarks>
public sealed partial class LambImporter
{
    private readonly ITenantStore _store;
    private readonly TenantAdministration _admin;
    private readonly DocumentLimits _limits;

    /// <summary>Creates an importer writing into <paramref name="store"/>.</summary>
    /// <param name="store">The target store.</param>
    /// <param name="timeProvider">The clock for created times; the system clock when null.</param>
    /// <param name="documentLimits">The bounds documents are checked against; the defaults when null.</param>
    public LambImporter(ITenantStore store, TimeProvider? timeProvider = null, DocumentLimits? documentLimits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _limits = documentLimits ?? DocumentLimits.Default;
        _admin = new TenantAdministration(store, timeProvider, documentLimits: _limits);
    }

    /// <summary>Imports (or, with <paramref name="dryRun"/>, checks) a LAMB export.</summary>
    /// <param name="export">The rows read from LAMB.</param>
    /// <param name="dryRun">Check everything, write nothing.</param>
    /// <param name="cancellationToken">Cancels between writes; what was written stays written.</param>
    /// <returns>The report.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<LambImportReport> ImportAsync(LambExport export, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        var run = new ImportRun(export, dryRun);
        await PlanOrganizationsAsync(run, cancellationToken).ConfigureAwait(false);
        PlanUsers(run);
        await PlanMembershipsAsync(run, cancellationToken).ConfigureAwait(false);
        await PlanUserWritesAsync(run, cancellationToken).ConfigureAwait(false);
        if (!dryRun)
        {
            await WriteAsync(run, cancellationToken).ConfigureAwait(false);
        }

        return new LambImportReport(
            dryRun,
            [.. run.Organizations.Values.OrderBy(static o => o.Row.Id).Select(static o => o.Result)],
            [.. run.Users.Values.OrderBy(static u => u.Row.Id).Select(static u => u.Result)],
            [.. run.Memberships.Select(static m => m.Result)],
            SharedKeyFinder.Find(run));
    }

    private async Task WriteAsync(ImportRun run, CancellationToken cancellationToken)
    {
        foreach (var organization in run.Organizations.Values.OrderBy(static o => o.Row.Id).Where(static o => o.Result.Outcome == LambImportOutcome.Imported))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        }

        foreach (var user in run.Users.Values.OrderBy(static u => u.Row.Id).Where(static u => u.Result.Outcome == LambImportOutcome.Imported))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteUserAsync(user, cancellationToken).ConfigureAwait(false);
        }

        foreach (var membership in run.Memberships.Where(static m => m.Result.Outcome == LambImportOutcome.Imported))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteMembershipAsync(membership, cancellationToken).ConfigureAwait(false);
        }

        await SetDefaultOrganizationsAsync(run, cancellationToken).ConfigureAwait(false);
    }
}
