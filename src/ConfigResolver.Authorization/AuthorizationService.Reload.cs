using System.Collections.Immutable;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Storage;

namespace ConfigResolver.Authorization;

public sealed partial class AuthorizationService
{
    /// <summary>
    /// Reloads the policy now: parse, validate, compile, run the policy tests, then publish. The policy is the directory,
    /// or with <see cref="PolicySourceKind.Store"/> the store's current revision (nothing is done when it is the one serving).
    /// On any failure (a problem in a file, a failing test, a file deleted or half-written while it was read, a store
    /// failure) the serving snapshot stays, and the failure is reported.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reload (nothing is published).</param>
    /// <returns>The outcome.</returns>
    public async Task<PolicyReloadResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            PolicyReloadResult result;
            try
            {
                PolicyRevision? stored = null;
                if (_options.PolicySource == PolicySourceKind.Store)
                {
                    stored = await _store.GetCurrentPolicyRevisionAsync(cancellationToken).ConfigureAwait(false) ?? throw PolicyRevisionLoader.NoRevision();
                    if (stored.Number == _status.PolicyRevision?.Number)
                    {
                        // Already serving it (a feed notice for a revision this instance loaded at start, or a repeat).
                        return new PolicyReloadResult(true, _current.Revision, [], _options.TimeProvider.GetUtcNow());
                    }
                }

                var (policy, revision) = await CompileAndTestAsync(stored, cancellationToken).ConfigureAwait(false);
                await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var current = _current;
                    Publish(current.WithPolicy(policy, current.Revision + 1), policyReloaded: true);
                    _status = _status with { PolicyRevision = revision };
                }
                finally
                {
                    _writeLock.Release();
                }

                result = new PolicyReloadResult(true, _current.Revision, [], _options.TimeProvider.GetUtcNow());
                LogReloaded(_logger, result.Revision, policy.Files.Length);
            }
            catch (PolicyCompilationException e)
            {
                result = Failed(e.Diagnostics);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result = Failed([new Diagnostic(AuthorizationDiagnosticCodes.UnreadableFile, $"the policy directory could not be read: {e.Message}", _options.PolicyDirectory)]);
            }
            catch (TenantStoreException e)
            {
                result = Failed([new Diagnostic(AuthorizationDiagnosticCodes.UnreadableFile, $"the store's policy revision could not be read: {e.Message}", "store")]);
            }

            Reloaded?.Invoke(this, new PolicyReloadedEventArgs(result));
            return result;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private PolicyReloadResult Failed(ImmutableArray<Diagnostic> diagnostics)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var status = _status;
        _status = status with { LastAttempt = now, LastErrors = diagnostics };
        LogReloadFailed(_logger, diagnostics.Length, status.Revision, diagnostics.IsEmpty ? string.Empty : diagnostics[0].ToString());
        return new PolicyReloadResult(false, status.Revision, diagnostics, now);
    }

    /// <summary>
    /// Parse, validate, compile and run the tests of the directory or of a stored revision (the store's current one when
    /// <paramref name="stored"/> is null); throws <see cref="PolicyCompilationException"/> with every problem.
    /// </summary>
    private async Task<(CompiledPolicy Policy, PolicyRevisionInfo? Revision)> CompileAndTestAsync(PolicyRevision? stored, CancellationToken cancellationToken)
    {
        CompiledPolicy policy;
        if (_options.PolicySource == PolicySourceKind.Store)
        {
            stored ??= await _store.GetCurrentPolicyRevisionAsync(cancellationToken).ConfigureAwait(false) ?? throw PolicyRevisionLoader.NoRevision();
            policy = PolicyRevisionLoader.Compile(stored, _options.TimeProvider, _options.Loading);
        }
        else
        {
            policy = PolicyLoader.LoadDirectory(_options.PolicyDirectory, _options.PolicyDirectory, _options.TimeProvider, _options.Loading);
        }

        if (_options.RunPolicyTestsOnReload)
        {
            var report = await PolicyTestRunner.RunAsync(policy, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!report.Succeeded)
            {
                throw new PolicyCompilationException(report.Diagnostics);
            }
        }

        return (policy, stored?.Info);
    }

    private void ReloadFromWatcher() => _ = ReloadAsync();
}
