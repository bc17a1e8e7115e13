using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tenancy;

public sealed partial class TenantAdministration
{
    private async Task<OrgConfigDocument?> BuildInitialConfigAsync(CreateOrganizationRequest request, string subject, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        if (!request.FromSystemBaseline)
        {
            return Validate(request.ConfigJson ?? OrgConfigDocument.Empty.RevealJson(), subject, bag);
        }

        var system = await _store.GetSystemOrganizationAsync(cancellationToken).ConfigureAwait(false);
        var baseline = ConfigBaseline.FromSystem(system.Config, request.ShareBaselineSecrets);
        if (request.ConfigJson is not null)
        {
            // Limits and syntax errors are reported against the caller's text, with its line and column.
            var scanned = DocumentScanner.Scan(request.ConfigJson, _documentLimits, subject);
            if (!scanned.IsEmpty)
            {
                bag.AddRange(scanned);
                return null;
            }

            var syntax = JsonSyntax.TryParse(request.ConfigJson, subject, _documentLimits.MaxDepth, out var overlay);
            using (overlay)
            {
                if (overlay is null)
                {
                    bag.AddRange(syntax);
                    return null;
                }

                if (overlay.RootElement.ValueKind != JsonValueKind.Object)
                {
                    bag.Add(Diagnostic.Mismatch(DiagnosticCodes.WrongType, string.Empty, "an object", ValueDescriber.DescribeKind(overlay.RootElement)) with { Where = subject });
                    return null;
                }

                ConfigBaseline.Merge(baseline, JsonObject.Create(overlay.RootElement.Clone())!);
            }
        }

        // Positions in the merged text would not match the caller's file; the pointers say where.
        var before = bag.Count;
        var document = Validate(baseline.ToJsonString(), subject, bag, keepPositions: false);
        return bag.Count == before ? document : null;
    }

    private OrgConfigDocument? Validate(string json, string subject, DiagnosticBag bag, bool keepPositions = true)
    {
        var result = OrgConfigValidator.Validate(json, subject, _documentLimits);
        bag.AddRange(keepPositions ? result.Diagnostics : OrgConfigValidator.WithoutPositions(result.Diagnostics));
        return result.Document;
    }

    private async Task CheckSignupKeyAsync(OrgConfigDocument document, Guid? self, string slug, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        if (document.SignupKeyHash is { } hash
            && await _store.FindOrganizationBySignupKeyAsync(hash, cancellationToken).ConfigureAwait(false) is { } owner
            && owner.Id != self)
        {
            bag.Add(TenancyDiagnostics.DuplicateSignupKey(slug));
        }
    }

    private async Task<Organization> GetOrganizationAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await _store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(slug)]);
    }
}
