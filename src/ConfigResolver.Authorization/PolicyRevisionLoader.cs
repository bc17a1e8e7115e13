using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Storage;

namespace ConfigResolver.Authorization;

/// <summary>
/// Compiles policy revisions kept in a store (<see cref="IPolicyRevisionStore"/>) with the same stages as a directory.
/// Diagnostics name a revision's files <c>(revision N)/path</c>.
/// </summary>
/// <remarks>Pure apart from the store read; safe for concurrent use.</remarks>
public static class PolicyRevisionLoader
{
    /// <summary>How diagnostics and explanations name the files of a revision: <c>(revision 3)</c>.</summary>
    /// <param name="number">The revision number.</param>
    /// <returns>The display root.</returns>
    public static string DisplayRoot(long number) => $"(revision {number})";

    /// <summary>Compiles a stored revision.</summary>
    /// <param name="revision">The revision.</param>
    /// <param name="timeProvider">The clock conditions read; the system clock when null.</param>
    /// <param name="options">Limits (YAML depth); the defaults when null.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="PolicyCompilationException">The revision does not compile (for example, written by a newer version with features this one lacks).</exception>
    public static CompiledPolicy Compile(PolicyRevision revision, TimeProvider? timeProvider = null, PolicyLoadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return PolicyLoader.Load(revision.Files.Select(static f => new PolicyFile(f.Path, f.Text)), DisplayRoot(revision.Number), timeProvider, options);
    }

    /// <summary>Reads the store's current revision and compiles it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="timeProvider">The clock conditions read; the system clock when null.</param>
    /// <param name="options">Limits; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revision and its compiled policy.</returns>
    /// <exception cref="PolicyCompilationException">The store holds no revision (POL2040), or the current one does not compile.</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public static async Task<(PolicyRevision Revision, CompiledPolicy Policy)> LoadCurrentAsync(
        IPolicyRevisionStore store, TimeProvider? timeProvider = null, PolicyLoadingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var revision = await store.GetCurrentPolicyRevisionAsync(cancellationToken).ConfigureAwait(false) ?? throw NoRevision();
        return (revision, Compile(revision, timeProvider, options));
    }

    internal static PolicyCompilationException NoRevision() =>
        new([new Diagnostic(
            AuthorizationDiagnosticCodes.NoPolicyRevision,
            "policies are taken from the store, but it holds no policy revision; publish one with 'cfgr policy push DIR'.",
            "store")]);
}
