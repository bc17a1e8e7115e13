using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.Resolution;

/// <summary>Holds one read of a slug after it has read the store, until the test releases it.</summary>
internal sealed class GatedStore(ITenantStore inner) : DelegatingTenantStore(inner)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _release;
    private string? _gatedSlug;

    public Task Reached => _reached.Task;

    public TaskCompletionSource GateNextSlugRead(string slug)
    {
        _gatedSlug = slug;
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _release;
    }

    public override async ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var organization = await base.FindOrganizationBySlugAsync(slug, cancellationToken);
        if (Interlocked.CompareExchange(ref _gatedSlug, null, slug) == slug)
        {
            _reached.SetResult();
            await _release!.Task;
        }

        return organization;
    }
}
