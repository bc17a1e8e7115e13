using System.Collections.Immutable;
using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Testing;

/// <summary>Forwards every call to another store; override a member to count, delay or fail it.</summary>
public partial class DelegatingTenantStore(ITenantStore inner) : ITenantStore
{
    protected ITenantStore Inner { get; } = inner;

    public virtual ValueTask<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) => Inner.GetOrganizationAsync(organizationId, cancellationToken);

    public virtual ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default) => Inner.FindOrganizationBySlugAsync(slug, cancellationToken);

    public virtual ValueTask<Organization> GetSystemOrganizationAsync(CancellationToken cancellationToken = default) => Inner.GetSystemOrganizationAsync(cancellationToken);

    public virtual ValueTask<ImmutableArray<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) => Inner.ListOrganizationsAsync(cancellationToken);

    public virtual ValueTask<ImmutableArray<OrganizationSummary>> ListOrganizationSummariesAsync(CancellationToken cancellationToken = default) => Inner.ListOrganizationSummariesAsync(cancellationToken);

    public virtual Task CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default) => Inner.CreateOrganizationAsync(organization, cancellationToken);

    public virtual Task UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default) => Inner.UpdateOrganizationAsync(organization, cancellationToken);

    public virtual Task DeleteOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) => Inner.DeleteOrganizationAsync(organizationId, cancellationToken);

    public virtual ValueTask<User?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) => Inner.GetUserAsync(userId, cancellationToken);

    public virtual ValueTask<User?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default) => Inner.FindUserByEmailAsync(email, cancellationToken);

    public virtual ValueTask<ImmutableArray<User>> ListUsersAsync(CancellationToken cancellationToken = default) => Inner.ListUsersAsync(cancellationToken);

    public virtual Task CreateUserAsync(User user, CancellationToken cancellationToken = default) => Inner.CreateUserAsync(user, cancellationToken);

    public virtual Task UpdateUserAsync(User user, CancellationToken cancellationToken = default) => Inner.UpdateUserAsync(user, cancellationToken);

    public virtual ValueTask<Membership?> GetMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default) => Inner.GetMembershipAsync(organizationId, userId, cancellationToken);

    public virtual ValueTask<ImmutableArray<Membership>> ListMembershipsOfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) => Inner.ListMembershipsOfOrganizationAsync(organizationId, cancellationToken);

    public virtual ValueTask<ImmutableArray<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken cancellationToken = default) => Inner.ListMembershipsOfUserAsync(userId, cancellationToken);

    public virtual Task SetMembershipAsync(Membership membership, CancellationToken cancellationToken = default) => Inner.SetMembershipAsync(membership, cancellationToken);

    public virtual Task RemoveMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default) => Inner.RemoveMembershipAsync(organizationId, userId, cancellationToken);

    public virtual ValueTask<Organization?> FindOrganizationBySignupKeyAsync(SignupKeyHash hash, CancellationToken cancellationToken = default) => Inner.FindOrganizationBySignupKeyAsync(hash, cancellationToken);

    public virtual IDisposable Subscribe(Action<TenantChange> onChange) => Inner.Subscribe(onChange);

    public virtual long PublishedRevision => Inner.PublishedRevision;

    public virtual ValueTask<ChangeLogPage> ReadChangeLogAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default) => Inner.ReadChangeLogAsync(afterRevision, maxCount, cancellationToken);

    public virtual ValueTask<PolicyRevision?> GetCurrentPolicyRevisionAsync(CancellationToken cancellationToken = default) => Inner.GetCurrentPolicyRevisionAsync(cancellationToken);

    public virtual ValueTask<PolicyRevision?> GetPolicyRevisionAsync(long number, CancellationToken cancellationToken = default) => Inner.GetPolicyRevisionAsync(number, cancellationToken);

    public virtual ValueTask<ImmutableArray<PolicyRevisionInfo>> ListPolicyRevisionsAsync(int maxCount, CancellationToken cancellationToken = default) => Inner.ListPolicyRevisionsAsync(maxCount, cancellationToken);

    public virtual Task<PolicyPublishResult> PublishPolicyRevisionAsync(PolicyRevisionDraft draft, CancellationToken cancellationToken = default) => Inner.PublishPolicyRevisionAsync(draft, cancellationToken);
}
