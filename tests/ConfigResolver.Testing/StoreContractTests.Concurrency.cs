using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Concurrent_creates_of_one_slug_let_exactly_one_win()
    {
        var outcomes = await Outcomes([.. Enumerable.Repeat<Func<Task>>(() => Store.CreateOrganizationAsync(TenantFactory.Organization("race", Time)), 8)]);

        Assert.Equal(1, outcomes.Succeeded);
        Assert.All(outcomes.Rejections, r => Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateSlug));
        Assert.Single(await Store.ListOrganizationsAsync(), o => o.Slug == "race");
    }

    [Fact]
    public async Task Concurrent_removals_of_the_last_two_owners_leave_one_owner()
    {
        var (organization, ann) = await AddOrganizationWithOwnerAsync("acme", "ann@example.com");
        var bob = await AddUserAsync("bob@example.com");
        await Store.SetMembershipAsync(new Membership(organization.Id, bob.Id, MembershipRole.Owner));

        var outcomes = await Outcomes(
        [
            () => Store.RemoveMembershipAsync(organization.Id, ann.Id),
            () => Store.RemoveMembershipAsync(organization.Id, bob.Id),
        ]);

        Assert.Equal(1, outcomes.Succeeded);
        Assert.Equal(DiagnosticCodes.LastOwnerRemoval, Assert.Single(Assert.Single(outcomes.Rejections).Diagnostics).Code);
        Assert.Equal(MembershipRole.Owner, Assert.Single(await Store.ListMembershipsOfOrganizationAsync(organization.Id)).Role);
    }

    /// <summary>Starts every write on its own thread at the same moment, then collects how each ended.</summary>
    private static async Task<(int Succeeded, List<TenantValidationException> Rejections)> Outcomes(Func<Task>[] writes)
    {
        using var start = new Barrier(writes.Length);
        var attempts = writes
            .Select(write => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return write();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();
        var succeeded = 0;
        var rejections = new List<TenantValidationException>();
        foreach (var attempt in attempts)
        {
            var exception = await Record.ExceptionAsync(() => attempt);
            if (exception is null)
            {
                succeeded++;
            }
            else
            {
                rejections.Add(Assert.IsType<TenantValidationException>(exception));
            }
        }

        return (succeeded, rejections);
    }
}
