using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Resolution;

public sealed partial class TenantConfigResolver
{
    /// <summary>Runs on the writer's thread after each committed write (see <see cref="ITenantChangeFeed"/>).</summary>
    private void OnChange(TenantChange change)
    {
        Invalidate(change);
        RaiseAppliedRevision(change.Revision);
    }

    private void RaiseAppliedRevision(long revision)
    {
        var current = Volatile.Read(ref _appliedRevision);
        while (revision > current)
        {
            var seen = Interlocked.CompareExchange(ref _appliedRevision, revision, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private void Invalidate(TenantChange change)
    {
        switch (change.Kind)
        {
            case TenantChangeKind.OrganizationCreated:
            case TenantChangeKind.OrganizationUpdated:
                if (change.Organization is { IsSystem: true } system)
                {
                    OnSystemChanged(system);
                }

                InvalidateOrganization(change.OrganizationSlug);
                break;
            case TenantChangeKind.OrganizationDeleted:
                if (change.OrganizationSlug is not null && _slots.TryRemove(change.OrganizationSlug, out var removed))
                {
                    removed.Invalidate();
                }

                if (change.OrganizationId is { } id)
                {
                    _slugsById.TryRemove(id, out _);
                }

                break;
            case TenantChangeKind.Reset:
                ResetAll();
                break;
            default:
                // Users and memberships do not change any organization's configuration.
                break;
        }
    }

    /// <summary>
    /// Forgets the system organization (bumping its generation, which in-flight builds check) and drops every snapshot:
    /// the instance fell behind the change log, so anything may have changed.
    /// </summary>
    private void ResetAll()
    {
        while (true)
        {
            var previous = Volatile.Read(ref _system);
            if (Interlocked.CompareExchange(ref _system, new SystemState(previous.Generation + 1, null), previous) == previous)
            {
                break;
            }
        }

        foreach (var slot in _slots.Values)
        {
            slot.Invalidate();
        }

        _slugsById.Clear();
        LogReset(_logger, _slots.Count);
    }

    private void InvalidateOrganization(string? slug)
    {
        if (slug is not null && _slots.TryGetValue(slug, out var slot))
        {
            slot.Invalidate();
        }
    }

    /// <summary>
    /// Publishes the new system organization (bumping the system generation first, which in-flight builds check),
    /// then evicts the snapshots of other organizations that used a system value that changed.
    /// </summary>
    private void OnSystemChanged(Organization system)
    {
        SystemState previous;
        while (true)
        {
            previous = Volatile.Read(ref _system);
            if (Interlocked.CompareExchange(ref _system, new SystemState(previous.Generation + 1, system), previous) == previous)
            {
                break;
            }
        }

        var before = previous.Organization;
        var changesBySetup = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        var evicted = 0;
        foreach (var slot in _slots.Values)
        {
            evicted += slot.Evict(config => !config.IsSystemOrganization && IsAffected(config, before, system, changesBySetup));
        }

        LogSystemChanged(_logger, evicted);
    }

    private static bool IsAffected(TenantConfig config, Organization? before, Organization after, Dictionary<string, HashSet<string>?> changesBySetup)
    {
        if (!changesBySetup.TryGetValue(config.Setup, out var changed))
        {
            // null means "everything changed": no previous state to compare, or the setup appeared or vanished.
            changed = before is null || before.Config.HasSetup(config.Setup) != after.Config.HasSetup(config.Setup)
                ? null
                : LayerValues.Diff(before.Config.GetLayer(config.Setup), after.Config.GetLayer(config.Setup));
            changesBySetup[config.Setup] = changed;
        }

        if (changed is null)
        {
            return true;
        }

        foreach (var pointer in changed)
        {
            if (config.SystemDependencies.Contains(pointer))
            {
                return true;
            }

            // A provider the system organization newly mentions appears in every snapshot that lacked it.
            if (pointer.StartsWith("/providers/", StringComparison.Ordinal)
                && pointer.IndexOf('/', "/providers/".Length) < 0
                && !config.Providers.ContainsKey(JsonPointer.Unescape(pointer["/providers/".Length..])))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Store change feed reset; dropped the snapshots of {Count} organizations.")]
    private static partial void LogReset(ILogger logger, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "System organization changed; evicted {Count} dependent snapshots.")]
    private static partial void LogSystemChanged(ILogger logger, int count);
}
