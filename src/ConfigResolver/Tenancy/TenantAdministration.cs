using ConfigResolver.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Tenancy;

/// <summary>
/// The write side for administrators (CLI, API): validates input, reporting every problem at once, then writes
/// through the store, whose transaction re-checks the invariants that depend on other rows.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Every rejection is a <see cref="TenantValidationException"/> whose diagnostics name
/// the organization or user; a rejected call stores nothing. Times come from the injected <see cref="TimeProvider"/>.
/// </remarks>
public sealed partial class TenantAdministration
{
    private readonly ITenantStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly DocumentLimits _documentLimits;

    /// <summary>Creates the service, optionally with bounds on the configuration documents it accepts.</summary>
    /// <param name="store">The store to write through.</param>
    /// <param name="timeProvider">The clock for created/updated times; the system clock when null.</param>
    /// <param name="logger">Logs successful writes (slugs and ids, never secrets or emails).</param>
    /// <param name="documentLimits">Size, depth and count bounds on documents (<see cref="ResolverOptions.DocumentLimits"/>); the defaults when null.</param>
    public TenantAdministration(ITenantStore store, TimeProvider? timeProvider = null, ILogger<TenantAdministration>? logger = null, DocumentLimits? documentLimits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _documentLimits = documentLimits ?? DocumentLimits.Default;
    }

    /// <summary>Creates an organization, optionally starting from the system organization's baseline.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored organization.</returns>
    /// <exception cref="TenantValidationException">Invalid slug, name, plan or configuration, a taken slug or signup key; every problem is listed.</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<Organization> CreateOrganizationAsync(CreateOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bag = new DiagnosticBag();
        var subject = TenancyDiagnostics.OrgSubject(request.Slug);
        if (!TenancyRules.IsValidSlug(request.Slug))
        {
            bag.Add(TenancyDiagnostics.InvalidSlug(request.Slug));
        }
        else if (await _store.FindOrganizationBySlugAsync(request.Slug, cancellationToken).ConfigureAwait(false) is not null)
        {
            bag.Add(TenancyDiagnostics.DuplicateSlug(request.Slug));
        }

        CheckName(bag, subject, "name", request.Name);
        CheckName(bag, subject, "plan", request.Plan);
        _ = TenancyNames.ToName(request.Status);
        var config = await BuildInitialConfigAsync(request, subject, bag, cancellationToken).ConfigureAwait(false);
        if (config is not null)
        {
            await CheckSignupKeyAsync(config, null, request.Slug, bag, cancellationToken).ConfigureAwait(false);
        }

        ThrowIfAny(bag);
        var now = _timeProvider.GetUtcNow();
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            Slug = request.Slug,
            Name = request.Name,
            Status = request.Status,
            Plan = request.Plan,
            Config = config!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (request.Metadata is not null)
        {
            organization = organization with { Metadata = request.Metadata };
        }

        await _store.CreateOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        LogOrganizationWritten(_logger, "created", organization.Slug);
        return organization;
    }

    /// <summary>Replaces an organization's configuration document after validating it.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="json">The new document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored organization.</returns>
    /// <exception cref="TenantValidationException">Unknown organization, an invalid document or a signup key another organization uses; every problem is listed.</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<Organization> SetConfigAsync(string organizationSlug, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var organization = await GetOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var result = OrgConfigValidator.Validate(json, TenancyDiagnostics.OrgSubject(organization.Slug), _documentLimits);
        var bag = new DiagnosticBag();
        bag.AddRange(result.Diagnostics);
        if (result.Document is not null)
        {
            await CheckSignupKeyAsync(result.Document, organization.Id, organization.Slug, bag, cancellationToken).ConfigureAwait(false);
        }

        ThrowIfAny(bag);
        var updated = organization with { Config = result.Document!, UpdatedAt = _timeProvider.GetUtcNow() };
        await _store.UpdateOrganizationAsync(updated, cancellationToken).ConfigureAwait(false);
        LogOrganizationWritten(_logger, "configured", updated.Slug);
        return updated;
    }

    /// <summary>Changes an organization's status. The system organization cannot be suspended.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored organization.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or the system organization (TEN2008).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task<Organization> SetStatusAsync(string organizationSlug, OrganizationStatus status, CancellationToken cancellationToken = default)
    {
        _ = TenancyNames.ToName(status);
        var organization = await GetOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        var updated = organization with { Status = status, UpdatedAt = _timeProvider.GetUtcNow() };
        TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateOrganization(organization, updated, signupKeyTakenByOther: false));
        await _store.UpdateOrganizationAsync(updated, cancellationToken).ConfigureAwait(false);
        LogOrganizationWritten(_logger, "status changed", updated.Slug);
        return updated;
    }

    /// <summary>Suspends an organization (shortcut for <see cref="SetStatusAsync"/>).</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored organization.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or the system organization (TEN2008).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public Task<Organization> SuspendAsync(string organizationSlug, CancellationToken cancellationToken = default) =>
        SetStatusAsync(organizationSlug, OrganizationStatus.Suspended, cancellationToken);

    /// <summary>Deletes an organization and its memberships. The system organization cannot be deleted.</summary>
    /// <param name="organizationSlug">The organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the deletion is stored.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or the system organization (TEN2007).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task DeleteOrganizationAsync(string organizationSlug, CancellationToken cancellationToken = default)
    {
        var organization = await GetOrganizationAsync(organizationSlug, cancellationToken).ConfigureAwait(false);
        TenantInvariants.ThrowIfAny(TenantInvariants.CheckDeleteOrganization(organization));
        await _store.DeleteOrganizationAsync(organization.Id, cancellationToken).ConfigureAwait(false);
        LogOrganizationWritten(_logger, "deleted", organization.Slug);
    }

    private static void CheckName(DiagnosticBag bag, string subject, string field, string? value)
    {
        if (!TenancyRules.IsValidName(value))
        {
            bag.Add(TenancyDiagnostics.InvalidField(subject, field, value));
        }
    }

    private static void ThrowIfAny(DiagnosticBag bag)
    {
        if (bag.Count > 0)
        {
            throw new TenantValidationException(bag.ToImmutable());
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Organization '{Slug}' {Action}.")]
    private static partial void LogOrganizationWritten(ILogger logger, string action, string slug);
}
