using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Import;

public sealed partial class LambImporter
{
    private async Task PlanOrganizationsAsync(ImportRun run, CancellationToken cancellationToken)
    {
        run.System = await _store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
        var systemRow = run.Export.Organizations.Where(static o => o.IsSystem).OrderBy(static o => o.Id).FirstOrDefault();
        var signupKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in run.Export.Organizations.OrderBy(static o => o.Id))
        {
            var isSystem = ReferenceEquals(row, systemRow);
            var planned = new PlannedOrganization(row, isSystem ? run.System.Slug : row.Slug ?? string.Empty, isSystem);
            run.Organizations[row.Id] = planned;
            var subject = TenancyDiagnostics.OrgSubject(row.Slug ?? $"#{row.Id}");
            if (row.IsSystem && !isSystem)
            {
                planned.Result = planned.Result.Reject("LAMB marks a second system organization", [new Diagnostic(DiagnosticCodes.LambSecondSystemOrganization,
                    $"LAMB organization {row.Id} is marked as the system organization, but so is LAMB organization {systemRow!.Id}, which becomes the system organization.") { Where = subject }]);
                continue;
            }

            var problems = new DiagnosticBag();
            if (isSystem)
            {
                if (!run.System.Config.Equals(OrgConfigDocument.Empty))
                {
                    planned.Result = planned.Result.Skip($"the system organization '{run.System.Slug}' already has a configuration; the import does not replace it ('org config set' does)");
                    continue;
                }
            }
            else if (!await CheckIdentityAsync(planned, subject, problems, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            planned.Document = ReadDocument(planned, subject, problems);
            if (planned.Document?.SignupKeyHash is { } hash)
            {
                var owner = await _store.FindOrganizationBySignupKeyAsync(hash, cancellationToken).ConfigureAwait(false);
                if ((owner is not null && owner.Slug != planned.Slug) || !signupKeys.TryAdd(hash.Hex, planned.Slug))
                {
                    problems.Add(TenancyDiagnostics.DuplicateSignupKey(row.Slug ?? planned.Slug));
                }
            }

            if (problems.Count > 0)
            {
                planned.Result = planned.Result.Reject("its row or document is invalid; nothing of it is written", problems.ToImmutable());
            }
        }
    }

    /// <summary>Slug, name and status of an organization other than the system one; false when it is skipped because it exists.</summary>
    private async Task<bool> CheckIdentityAsync(PlannedOrganization planned, string subject, DiagnosticBag problems, CancellationToken cancellationToken)
    {
        var row = planned.Row;
        if (!TenancyRules.IsValidSlug(row.Slug))
        {
            problems.Add(TenancyDiagnostics.InvalidSlug(row.Slug ?? string.Empty));
        }
        else if (await _store.FindOrganizationBySlugAsync(row.Slug!, cancellationToken).ConfigureAwait(false) is not null)
        {
            planned.Result = planned.Result.Skip("an organization with this slug already exists; the import does not replace it");
            return false;
        }

        planned.Name = string.IsNullOrWhiteSpace(row.Name) ? row.Slug ?? string.Empty : row.Name;
        if (!TenancyRules.IsValidName(planned.Name))
        {
            problems.Add(TenancyDiagnostics.InvalidField(subject, "name", planned.Name));
        }

        if (string.IsNullOrEmpty(row.Status))
        {
            planned.Status = OrganizationStatus.Active;
        }
        else if (TenancyNames.TryParseStatus(row.Status, out var status))
        {
            planned.Status = status;
        }
        else
        {
            problems.Add(Diagnostic.Mismatch(DiagnosticCodes.LambUnknownStatus, null, "a status of 'active', 'suspended' or 'trial'", ValueDescriber.Quote(row.Status)) with { Where = subject });
        }

        return true;
    }

    private OrgConfigDocument? ReadDocument(PlannedOrganization planned, string subject, DiagnosticBag problems)
    {
        var row = planned.Row;
        if (row.Config is null && row.ConfigBytes > 0)
        {
            problems.Add(Diagnostic.Mismatch(DiagnosticCodes.DocumentTooLarge, null, $"a document of at most {_limits.MaxDocumentBytes:N0} bytes", $"{row.ConfigBytes:N0} bytes") with { Where = subject });
            return null;
        }

        // LAMB stores no configuration as NULL or an empty string (and reads it as {}): no document of its own.
        if (string.IsNullOrWhiteSpace(row.Config))
        {
            return OrgConfigDocument.Empty;
        }

        var result = OrgConfigValidator.Validate(row.Config, subject, _limits);
        problems.AddRange(result.Diagnostics);
        planned.ConfigJson = row.Config;
        return result.Document;
    }

    private async Task WriteOrganizationAsync(PlannedOrganization planned, CancellationToken cancellationToken)
    {
        try
        {
            if (planned.IsSystem)
            {
                await _admin.SetConfigAsync(planned.Slug, planned.ConfigJson, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _admin.CreateOrganizationAsync(
                    new CreateOrganizationRequest { Slug = planned.Slug, Name = planned.Name, ConfigJson = planned.ConfigJson, Status = planned.Status },
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TenantValidationException e)
        {
            // Another writer got there between the check and the write (a slug or signup key taken meanwhile).
            planned.Result = planned.Result.Reject("the store refused it", e.Diagnostics);
        }
    }
}
