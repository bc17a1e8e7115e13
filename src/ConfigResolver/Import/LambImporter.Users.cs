using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Import;

public sealed partial class LambImporter
{
    /// <summary>Every user needs a unique, well-formed email; the first LAMB user (lowest id) with an email keeps it.</summary>
    private static void PlanUsers(ImportRun run)
    {
        var emails = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in run.Export.Users.OrderBy(static u => u.Id))
        {
            var planned = new PlannedUser(row) { Email = row.Email?.Trim() };
            planned.Name = TenancyRules.IsValidName(row.Name) ? row.Name : null;
            run.Users[row.Id] = planned;
            var email = planned.Email;
            var where = $"LAMB user {row.Id}";
            if (string.IsNullOrEmpty(email))
            {
                planned.Email = null;
                planned.Result = planned.Result with { Subject = where, Email = null };
                planned.Result = planned.Result.Reject("no email", [new Diagnostic(DiagnosticCodes.LambUserWithoutEmail,
                    "the user has no email; users here are identified by their email, so this one is not imported (add an email in LAMB and import again).") { Where = where }]);
            }
            else if (!TenancyRules.IsValidEmail(email))
            {
                planned.Result = planned.Result.Reject("malformed email", [TenancyDiagnostics.InvalidEmail(email)]);
            }
            else if (emails.TryGetValue(TenancyRules.NormalizeEmail(email), out var first))
            {
                planned.Result = planned.Result.Reject($"same email as LAMB user {first}", [new Diagnostic(DiagnosticCodes.DuplicateEmail,
                    $"the email {ValueDescriber.Quote(email)} is also LAMB user {first}'s (emails are compared ignoring case); only LAMB user {first} is imported.") { Where = where }]);
            }
            else
            {
                emails[TenancyRules.NormalizeEmail(email)] = row.Id;
                planned.Result = planned.Result with { Subject = email, Email = email };
            }
        }
    }

    /// <summary>A valid user is created when one of their memberships is written or they belong to no LAMB organization.</summary>
    private async Task PlanUserWritesAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var memberships = run.Memberships.Where(static m => m.User is not null).ToLookup(static m => m.User!.Row.Id);
        foreach (var user in run.Users.Values.Where(static u => u.Result.Outcome == LambImportOutcome.Imported))
        {
            var own = memberships[user.Row.Id].ToList();
            var belongsNowhere = user.Row.OrganizationId is not { } id || !run.Organizations.ContainsKey(id);
            if (!belongsNowhere && own.TrueForAll(static m => m.Result.Outcome != LambImportOutcome.Imported))
            {
                var slugs = own.Select(static m => m.Organization?.Result.Subject).Where(static s => s is not null).Distinct();
                user.Result = user.Result.Skip($"none of their memberships is imported ({string.Join(", ", slugs.Select(static s => $"'{s}'"))})");
            }
            else if (await _store.FindUserByEmailAsync(user.Email!, cancellationToken).ConfigureAwait(false) is not null)
            {
                user.Result = user.Result.Skip("a user with this email already exists; their memberships are added to it");
            }
        }
    }

    private async Task WriteUserAsync(PlannedUser user, CancellationToken cancellationToken)
    {
        try
        {
            await _admin.AddUserAsync(user.Email!, user.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantValidationException e)
        {
            user.Result = user.Result.Reject("the store refused it", e.Diagnostics);
        }
    }

    /// <summary>A user created here acts by default in the organization LAMB put them in.</summary>
    private async Task SetDefaultOrganizationsAsync(ImportRun run, CancellationToken cancellationToken)
    {
        foreach (var membership in run.Memberships)
        {
            if (membership.Result.Outcome == LambImportOutcome.Imported
                && membership.User is { Result.Outcome: LambImportOutcome.Imported } user
                && membership.Organization is { } organization
                && user.Row.OrganizationId == organization.Row.Id)
            {
                try
                {
                    await _admin.SetDefaultOrganizationAsync(user.Email!, organization.Slug, cancellationToken).ConfigureAwait(false);
                }
                catch (TenantValidationException)
                {
                    // The membership was refused after all; the store keeps its own default.
                }
            }
        }
    }
}
