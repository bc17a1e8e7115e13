using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Resolution.Impact;

/// <summary>
/// "If I set this document or this environment, which organizations' resolved values change?": resolves the reached
/// organizations before (the store as it is) and after (a private in-memory copy with the new document written through
/// <see cref="TenantAdministration.SetConfigAsync"/>, so it is validated exactly as a real write), and compares every
/// resolved value of every setup.
/// </summary>
/// <remarks>
/// A change to one organization's document reaches that organization; a change to the system organization's document
/// or to the environment reaches every organization (they inherit). The store is only read. Secrets are compared but
/// their values never leave: a secret change is reported as changed, without values.
/// </remarks>
public static class ConfigImpactAnalyzer
{
    /// <summary>Compares every reached organization's resolved configuration before and after a change.</summary>
    /// <param name="store">The store as it is (read only).</param>
    /// <param name="environmentBefore">The environment layer in force.</param>
    /// <param name="environmentAfter">The environment layer after the change (the same object when only a document changes).</param>
    /// <param name="organization">The organization whose document changes (the system organization's slug for the system document), or null for none.</param>
    /// <param name="json">The new document, or null when only the environment changes.</param>
    /// <param name="options">The resolver options the deployment uses (secret sharing, environment mapping); defaults when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The values that change, by organization (slug), setup and pointer.</returns>
    /// <exception cref="TenantValidationException">The document is invalid (as <c>org config set</c> reports it) or the organization is unknown.</exception>
    /// <exception cref="ConfigResolutionException">An environment value is invalid.</exception>
    public static async Task<ConfigImpact> CompareAsync(
        ITenantStore store, IConfiguration environmentBefore, IConfiguration environmentAfter, string? organization, string? json,
        ResolverOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(environmentBefore);
        ArgumentNullException.ThrowIfNull(environmentAfter);
        var clock = timeProvider ?? TimeProvider.System;
        var organizations = await store.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        var system = organizations.FirstOrDefault(static o => o.IsSystem);
        var copy = new InMemoryTenantStore(new ResolverOptions { SystemSlug = system?.Slug ?? TenancyRules.DefaultSystemSlug }, clock);
        await CopyAsync(copy, organizations, cancellationToken).ConfigureAwait(false);
        if (json is not null)
        {
            ArgumentNullException.ThrowIfNull(organization);
            await new TenantAdministration(copy, clock).SetConfigAsync(organization, json, cancellationToken).ConfigureAwait(false);
        }

        var reachesAll = json is null || organization == system?.Slug || !ReferenceEquals(environmentBefore, environmentAfter);
        var reached = organizations.Where(o => reachesAll || o.Slug == organization).OrderBy(static o => o.Slug, StringComparer.Ordinal).ToList();
        var afterDocuments = (await copy.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(static o => o.Slug, static o => o.Config, StringComparer.Ordinal);
        using var before = new TenantConfigResolver(store, environmentBefore, Options.Create(options ?? new ResolverOptions()), clock);
        using var after = new TenantConfigResolver(copy, environmentAfter, Options.Create(options ?? new ResolverOptions()), clock);
        var changes = new List<ConfigValueChange>();
        foreach (var org in reached)
        {
            var setups = Setups(org.Config, afterDocuments.GetValueOrDefault(org.Slug), system?.Config);
            foreach (var setup in setups)
            {
                var old = await before.ResolveAsync(org.Slug, setup, cancellationToken).ConfigureAwait(false);
                var @new = await after.ResolveAsync(org.Slug, setup, cancellationToken).ConfigureAwait(false);
                changes.AddRange(ConfigValueComparer.Compare(org.Slug, setup, old, @new));
            }
        }

        return new ConfigImpact([.. changes], reached.Count);
    }

    /// <summary>The default setup, then every setup either document (or the system document) names, in order.</summary>
    private static IEnumerable<string> Setups(OrgConfigDocument before, OrgConfigDocument? after, OrgConfigDocument? system) =>
        new[] { before, after, system }.SelectMany(static d => d?.SetupNames ?? []).Order(StringComparer.Ordinal).Prepend("default").Distinct(StringComparer.Ordinal);

    /// <summary>Copies every organization (documents included) into the in-memory store; the system organization keeps the copy's id.</summary>
    private static async Task CopyAsync(InMemoryTenantStore copy, IEnumerable<Organization> organizations, CancellationToken cancellationToken)
    {
        var system = await copy.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
        foreach (var org in organizations)
        {
            if (org.IsSystem)
            {
                await copy.UpdateOrganizationAsync(org with { Id = system.Id, CreatedAt = system.CreatedAt }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await copy.CreateOrganizationAsync(org, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
