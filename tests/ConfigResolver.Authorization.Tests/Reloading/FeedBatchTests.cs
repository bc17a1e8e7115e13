using System.Reflection;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Reloading;

/// <summary>Changes that arrive while the service is applying another are applied together, as one snapshot.</summary>
public sealed class FeedBatchTests : IDisposable
{
    private const int Burst = 30;

    private readonly PolicySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Membership_changes_that_arrive_while_one_is_applied_publish_one_snapshot_together()
    {
        var acme = await _sandbox.OrgAsync("acme");
        await _sandbox.UserAsync(acme, MembershipRole.Owner);
        var viewers = new List<Guid>();
        for (var i = 0; i < Burst; i++)
        {
            viewers.Add(await _sandbox.UserAsync(acme, MembershipRole.Viewer));
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = GatedReader.Over(_sandbox.Store, gate.Task);
        using var service = await AuthorizationService.StartAsync(new AuthorizationOptions { PolicyDirectory = _sandbox.Directory, WatchForChanges = false }, store, _sandbox.Resolver);
        var before = service.Current.Revision;

        // The first change waits at the gate while being applied; the others arrive meanwhile and queue up behind it.
        GatedReader.Closed = true;
        foreach (var viewer in viewers)
        {
            await _sandbox.Store.SetMembershipAsync(new Membership(acme.Id, viewer, MembershipRole.Member));
        }

        GatedReader.Closed = false;
        gate.SetResult();
        await service.WhenChangesAppliedAsync();

        Assert.Equal(before + 2, service.Current.Revision);
        Assert.All(viewers, v => Assert.True(service.Check(Principal.ForUser(v), "acme", "agents:write").Allowed));
        Assert.Equal(_sandbox.Store.PublishedRevision, service.Current.StoreRevision);
    }

    /// <summary>Forwards every call to the store; membership reads wait for the gate while <see cref="Closed"/>.</summary>
    public class GatedReader : DispatchProxy
    {
        private ITenantReader _inner = null!;
        private Task _gate = Task.CompletedTask;

        public static bool Closed { get; set; }

        public static ITenantReader Over(ITenantReader inner, Task gate)
        {
            var proxy = Create<ITenantReader, GatedReader>();
            var gated = (GatedReader)(object)proxy;
            gated._inner = inner;
            gated._gate = gate;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_inner, args);
            return Closed && targetMethod.Name == nameof(ITenantReader.GetMembershipAsync) && result is ValueTask<Membership?> read ? new ValueTask<Membership?>(AfterGate(read.AsTask())) : result;
        }

        private async Task<Membership?> AfterGate(Task<Membership?> read)
        {
            await _gate.ConfigureAwait(false);
            return await read.ConfigureAwait(false);
        }
    }
}
