using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Organization_summaries_show_what_a_listing_prints_with_member_counts_in_slug_order()
    {
        var summaries = Assert.IsAssignableFrom<IOrganizationSummaryStore>(Store);
        var (beta, _) = await AddOrganizationWithOwnerAsync("beta", "carol@example.com");
        var (acme, _) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await Store.SetMembershipAsync(new Membership(acme.Id, bob.Id, MembershipRole.Member));
        await Store.UpdateOrganizationAsync(acme with { Status = OrganizationStatus.Suspended, Plan = "pro" });

        var listed = await summaries.ListOrganizationSummariesAsync();

        var system = await Store.GetSystemOrganizationAsync();
        Assert.Equal(
            new OrganizationSummary[]
            {
                new OrganizationSummary(acme.Id, "acme", acme.Name, false, OrganizationStatus.Suspended, "pro", 2),
                new OrganizationSummary(beta.Id, "beta", beta.Name, false, beta.Status, beta.Plan, 1),
                new OrganizationSummary(system.Id, SystemSlug, system.Name, true, OrganizationStatus.Active, system.Plan, 0),
            },
            listed.ToArray());
    }
}
