using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Authorization.PolicyTests;

/// <summary>Turns a suite's fixtures into <see cref="TenantFacts"/> through an in-memory store and the real resolver.</summary>
internal static class FixtureFacts
{
    private const string FallbackSystemSlug = "cfgr-test-system";

    public static async Task<TenantFacts> BuildAsync(PolicyTestSuite suite, CancellationToken cancellationToken)
    {
        var system = suite.Organizations.FirstOrDefault(static o => o.IsSystem);
        var systemSlug = system?.Slug
            ?? (suite.Organizations.Any(static o => o.Slug == TenancyRules.DefaultSystemSlug) ? FallbackSystemSlug : TenancyRules.DefaultSystemSlug);
        var options = new ResolverOptions { SystemSlug = systemSlug };
        var store = new InMemoryTenantStore(options);
        var stored = await store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
        if (system is not null)
        {
            await store.UpdateOrganizationAsync(stored with { Plan = system.Plan, Config = system.Config }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var organization in suite.Organizations.Where(static o => !o.IsSystem))
        {
            await store.CreateOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        }

        using var resolver = new TenantConfigResolver(store, new ConfigurationBuilder().Build(), Microsoft.Extensions.Options.Options.Create(options));
        var organizations = await store.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        var configs = new Dictionary<Guid, TenantConfig>();
        foreach (var organization in organizations)
        {
            configs[organization.Id] = await resolver.ResolveAsync(organization.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // Memberships go straight into the facts: a fixture may describe an organization without an owner, which the
        // store's invariants (rightly) refuse but a policy test may need.
        var ids = organizations.ToDictionary(static o => o.Slug, static o => o.Id, StringComparer.Ordinal);
        var memberships = suite.Memberships.Select(m => new Membership(ids[m.Org], suite.Users[m.User], m.Role));
        return TenantFacts.Create(organizations, memberships, configs);
    }
}
