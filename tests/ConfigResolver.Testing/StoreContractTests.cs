using ConfigResolver.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Testing;

/// <summary>
/// The contract every <see cref="ITenantStore"/> passes. A derived class only supplies the store:
/// <code>
/// public sealed class SqliteStoreContractTests : StoreContractTests
/// {
///     private readonly string _path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db");
///
///     protected override bool PersistsAcrossReopen => true;
///
///     protected override async ValueTask&lt;ITenantStore&gt; CreateStoreAsync(ResolverOptions options, TimeProvider timeProvider) =>
///         await SqliteTenantStore.OpenAsync(_path, options, timeProvider);
///
///     protected override ValueTask&lt;ITenantStore&gt; ReopenStoreAsync(ITenantStore store) => CreateStoreAsync(Options, Time);
/// }
/// </code>
/// Each test opens a fresh, empty store (with a non-default system slug, to prove the option is honoured) and
/// disposes it afterwards (<see cref="IAsyncDisposable"/> or <see cref="IDisposable"/> when implemented).
/// Rejections are asserted by code and pointer, with the store unchanged (<see cref="StoreDump"/>) and nothing published.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected const string SystemSlug = "operator";

    protected FakeTimeProvider Time { get; } = TestTime.CreateClock();

    protected ITenantStore Store { get; private set; } = null!;

    /// <summary>The options every test's store opens with (a non-default system slug).</summary>
    protected static ResolverOptions Options => new() { SystemSlug = SystemSlug };

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Options, Time);

    public async Task DisposeAsync() => await DisposeStoreAsync(Store);

    /// <summary>
    /// Opens the test's store with <paramref name="options"/> and <paramref name="timeProvider"/>: the first call opens a new,
    /// empty store; a persistent store may open a second instance on the same data on later calls.
    /// </summary>
    protected abstract ValueTask<ITenantStore> CreateStoreAsync(ResolverOptions options, TimeProvider timeProvider);

    /// <summary>
    /// Gets whether a reopened store sees what was written before (true for a file or server store). A store that
    /// persists overrides this and <see cref="ReopenStoreAsync"/>.
    /// </summary>
    protected virtual bool PersistsAcrossReopen => false;

    /// <summary>Opens the same store again (a persistent store: a second instance on the same file); by default a new store.</summary>
    protected virtual ValueTask<ITenantStore> ReopenStoreAsync(ITenantStore store) => CreateStoreAsync(Options, Time);

    protected virtual async ValueTask DisposeStoreAsync(ITenantStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>Asserts the write is rejected with the code at the pointer, the store is unchanged and nothing was published.</summary>
    protected async Task<TenantValidationException> AssertRejectedAsync(Func<Task> write, string code, string? jsonPointer)
    {
        var before = await StoreDump.CaptureAsync(Store);
        using var recorder = new ChangeRecorder(Store);
        var exception = await Assert.ThrowsAsync<TenantValidationException>(write);
        Assert.Contains(exception.Diagnostics, d => d.Code == code && d.Pointer == jsonPointer && d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(before, await StoreDump.CaptureAsync(Store));
        Assert.Empty(recorder.Changes);
        return exception;
    }

    /// <summary>Asserts the write is refused with <typeparamref name="TException"/> carrying the code, the store is unchanged and nothing was published.</summary>
    protected async Task<TException> AssertRefusedAsync<TException>(Func<Task> write, string code)
        where TException : ConfigResolverException
    {
        var before = await StoreDump.CaptureAsync(Store);
        var revision = Store.PublishedRevision;
        using var recorder = new ChangeRecorder(Store);
        var exception = await Assert.ThrowsAsync<TException>(write);
        Assert.Contains(exception.Diagnostics, d => d.Code == code && d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(before, await StoreDump.CaptureAsync(Store));
        Assert.Empty(recorder.Changes);
        Assert.Equal(revision, Store.PublishedRevision);
        return exception;
    }

    protected async Task<Organization> AddOrganizationAsync(string slug, string? configJson = null)
    {
        var organization = TenantFactory.Organization(slug, Time, configJson);
        await Store.CreateOrganizationAsync(organization);
        return organization;
    }

    protected async Task<User> AddUserAsync(string email)
    {
        var user = TenantFactory.User(email, Time);
        await Store.CreateUserAsync(user);
        return user;
    }

    protected async Task<(Organization Organization, User Owner)> AddOrganizationWithOwnerAsync(string slug, string ownerEmail)
    {
        var organization = await AddOrganizationAsync(slug);
        var owner = await AddUserAsync(ownerEmail);
        await Store.SetMembershipAsync(new Membership(organization.Id, owner.Id, MembershipRole.Owner));
        return (organization, owner);
    }
}
