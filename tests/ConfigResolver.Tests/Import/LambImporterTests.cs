using ConfigResolver.Diagnostics;
using ConfigResolver.Import;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.TestData;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.Import;

/// <summary>The LAMB import: what is created, what is skipped or rejected and why, and what is reported.</summary>
public sealed class LambImporterTests
{
    private static readonly string s_engineering = File.ReadAllText(Path.Combine(TestDataFiles.Lamb, "engineering.json"))
        .Replace("\"sk-...\"", "\"sk-operator\"", StringComparison.Ordinal);

    private readonly InMemoryTenantStore _store = new(null, TestTime.CreateClock());

    [Fact]
    public async Task A_typical_lamb_database_becomes_organizations_users_and_memberships()
    {
        var report = await new LambImporter(_store).ImportAsync(LambExports.Typical(s_engineering).Build());

        Assert.Equal(
            [
                "lamb: Imported",
                "engineering: Imported",
                "physics: Rejected (its row or document is invalid; nothing of it is written)",
            ],
            LambExports.Outcomes(report.Organizations));
        var physics = Assert.Single(report.Organizations[2].Diagnostics);
        Assert.Equal("org 'physics': error CFG1003: /kb_server/url: expected an absolute http or https URL; found 'http://'.", physics with { Line = null, Column = null } is var d ? d.ToString() : null);
        Assert.Equal(
            [
                "admin@lamb.edu in lamb: Imported (promoted from admin to owner: every organization here has an owner, and LAMB's has none)",
                "ann@engineering.edu in engineering: Imported",
                "bob@engineering.edu in engineering: Imported",
                "carol@physics.edu in physics: Skipped (organization 'physics' is not imported)",
            ],
            LambExports.Outcomes(report.Memberships));
        Assert.Equal("carol@physics.edu: Skipped (none of their memberships is imported ('physics'))", LambExports.Outcomes(report.Users)[3]);
        Assert.True(report.HasRejections);

        var system = await _store.GetSystemOrganizationAsync();
        Assert.Equal(1, system.Config.Version);
        Assert.NotNull(await _store.FindOrganizationBySlugAsync("engineering"));
        Assert.Null(await _store.FindOrganizationBySlugAsync("physics"));
        Assert.Null(await _store.FindUserByEmailAsync("carol@physics.edu"));
        var bob = (await _store.FindUserByEmailAsync("bob@engineering.edu"))!;
        var engineering = (await _store.FindOrganizationBySlugAsync("engineering"))!;
        Assert.Equal((MembershipRole.Member, engineering.Id), ((await _store.GetMembershipAsync(engineering.Id, bob.Id))!.Role, bob.DefaultOrganizationId));
        Assert.Equal(MembershipRole.Owner, (await _store.GetMembershipAsync(system.Id, (await _store.FindUserByEmailAsync("admin@lamb.edu"))!.Id))!.Role);
    }

    [Fact]
    public async Task Organizations_holding_the_system_organizations_key_are_reported_without_the_key()
    {
        var report = await new LambImporter(_store).ImportAsync(LambExports.Typical(s_engineering).Build());

        var shared = Assert.Single(report.SharedKeys);
        Assert.Equal(new SharedOperatorKey("engineering", "/setups/default/providers/openai/api_key", "/setups/default/providers/openai/api_key", "/inheritance/providers/openai/share_api_key"), shared);
        Assert.DoesNotContain("sk-operator", shared.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_organization_resolves_as_its_lamb_document_says()
    {
        await new LambImporter(_store).ImportAsync(LambExports.Typical(s_engineering).Build());
        using var resolver = new TenantConfigResolver(_store, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        var engineering = await resolver.ResolveAsync("engineering");
        var system = await resolver.ResolveSystemAsync();

        Assert.Equal(("http://localhost:9090", ProviderState.Disabled), (engineering.KbServer.Url, engineering.Providers["anthropic"].State));
        Assert.Equal(("http://kb:9090", "kb-operator", -1L), (system.KbServer.Url, system.KbServer.ApiKey?.Reveal(), system.UsageLimits.TokensPerMonth));
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_and_writes_nothing()
    {
        var export = LambExports.Typical(s_engineering).Build();
        var before = await StoreDump.CaptureAsync(_store);

        var dry = await new LambImporter(_store).ImportAsync(export, dryRun: true);

        Assert.Equal(before, await StoreDump.CaptureAsync(_store));
        Assert.True(dry.DryRun);
        var real = await new LambImporter(new InMemoryTenantStore(null, TestTime.CreateClock())).ImportAsync(export);
        Assert.Equal(LambExports.Outcomes(real.Organizations), LambExports.Outcomes(dry.Organizations));
        Assert.Equal(LambExports.Outcomes(real.Users), LambExports.Outcomes(dry.Users));
        Assert.Equal(LambExports.Outcomes(real.Memberships), LambExports.Outcomes(dry.Memberships));
        Assert.Equal(real.SharedKeys.ToArray(), dry.SharedKeys.ToArray());
    }

    [Fact]
    public async Task Importing_twice_skips_everything_the_first_run_wrote()
    {
        var export = LambExports.Typical(s_engineering).Build();
        await new LambImporter(_store).ImportAsync(export);
        var after = await StoreDump.CaptureAsync(_store);

        var again = await new LambImporter(_store).ImportAsync(export);

        Assert.Equal(after, await StoreDump.CaptureAsync(_store));
        Assert.Equal(LambImportOutcome.Skipped, again.Organizations[0].Outcome);
        Assert.Contains("already has a configuration", again.Organizations[0].Reason, StringComparison.Ordinal);
        Assert.Equal(("engineering", LambImportOutcome.Skipped), (again.Organizations[1].Subject, again.Organizations[1].Outcome));
        Assert.DoesNotContain(again.Memberships, static m => m.Outcome == LambImportOutcome.Imported);
        Assert.DoesNotContain(again.Users, static u => u.Outcome == LambImportOutcome.Imported);
    }

    public static TheoryData<string, Func<LambExports, LambExports>, string, string> Rejections => new()
    {
        { "a user without an email", e => e.User(9, null, 2), "LAMB user 9", DiagnosticCodes.LambUserWithoutEmail },
        { "a blank email", e => e.User(9, "  ", 2), "LAMB user 9", DiagnosticCodes.LambUserWithoutEmail },
        { "a malformed email", e => e.User(9, "not-an-email", 2), "not-an-email", DiagnosticCodes.InvalidEmail },
        { "an email an earlier user has, in other case", e => e.User(9, "ANN@Engineering.edu", 2), "ANN@Engineering.edu", DiagnosticCodes.DuplicateEmail },
        { "a role other than owner, admin or member", e => e.User(9, "dan@engineering.edu", 2).Role(2, 9, "viewer"), "dan@engineering.edu in engineering", DiagnosticCodes.LambUnknownRole },
        { "a slug we cannot use", e => e.Organization(4, "Big Lab", "{\"version\":\"1.0\"}"), "Big Lab", DiagnosticCodes.InvalidSlug },
        { "an unknown status", e => e.Organization(4, "biology", "{\"version\":\"1.0\"}", status: "archived"), "biology", DiagnosticCodes.LambUnknownStatus },
        { "a document without a version", e => e.Organization(4, "biology", "{}"), "biology", DiagnosticCodes.MissingProperty },
        { "a document that is not JSON", e => e.Organization(4, "biology", "{'version': '1.0'}"), "biology", DiagnosticCodes.InvalidJson },
        { "a second system organization", e => e.Organization(4, "lamb2", "{\"version\":\"1.0\"}", isSystem: true), "lamb2", DiagnosticCodes.LambSecondSystemOrganization },
        { "members without an owner or admin", e => e.Organization(4, "biology", "{\"version\":\"1.0\"}").User(9, "dan@bio.edu", 4), "dan@bio.edu in biology", DiagnosticCodes.LambNoOwner },
        { "a signup key another organization uses", e => e.Organization(4, "biology", """{"version":"1.0","features":{"signup_key":"org-specific-key-2024"}}"""), "biology", DiagnosticCodes.DuplicateSignupKey },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_row_that_cannot_be_imported_is_rejected_with_its_code(string name, Func<LambExports, LambExports> add, string subject, string code)
    {
        var report = await new LambImporter(_store).ImportAsync(add(LambExports.Typical(s_engineering)).Build());

        var rejected = report.Organizations.Concat(report.Users).Concat(report.Memberships).Where(static r => r.Outcome == LambImportOutcome.Rejected && r.Subject != "physics").ToList();
        var result = Assert.Single(rejected);
        Assert.True(result.Subject == subject && result.Diagnostics.Any(d => d.Code == code), $"{name}: got {result.Subject} {string.Join(", ", result.Diagnostics)}");
        Assert.Equal(LambImportOutcome.Imported, report.Organizations[1].Outcome);
    }

    [Fact]
    public async Task An_existing_organization_is_skipped_and_its_memberships_with_it()
    {
        await new TenantAdministration(_store).CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "engineering", Name = "Ours" });

        var report = await new LambImporter(_store).ImportAsync(LambExports.Typical(s_engineering).Build());

        Assert.Equal("engineering: Skipped (an organization with this slug already exists; the import does not replace it)", LambExports.Outcomes(report.Organizations)[1]);
        Assert.Equal("Ours", (await _store.FindOrganizationBySlugAsync("engineering"))!.Name);
        Assert.All(report.Memberships.Where(static m => m.Organization == "engineering"), static m => Assert.Equal(LambImportOutcome.Skipped, m.Outcome));
        Assert.Empty(report.SharedKeys);
    }

    [Fact]
    public async Task A_user_in_no_organization_is_created_without_a_membership()
    {
        var report = await new LambImporter(_store).ImportAsync(new LambExports().User(1, "solo@example.edu", null).Build());

        Assert.Equal(["solo@example.edu: Imported"], LambExports.Outcomes(report.Users));
        Assert.Null((await _store.FindUserByEmailAsync("solo@example.edu"))!.DefaultOrganizationId);
    }

    [Fact]
    public async Task A_membership_of_a_user_without_an_email_names_the_lamb_user()
    {
        var report = await new LambImporter(_store).ImportAsync(LambExports.Typical(s_engineering).User(9, "", 2).Build());

        var membership = Assert.Single(report.Memberships, static m => m.Subject.Contains("user 9", StringComparison.Ordinal));
        Assert.Equal(("LAMB user 9 in engineering", null, LambImportOutcome.Skipped), (membership.Subject, membership.Email, membership.Outcome));
    }

    [Fact]
    public async Task A_second_role_row_for_the_same_user_is_reported_as_skipped_and_the_first_counts()
    {
        var report = await new LambImporter(_store).ImportAsync(LambExports.Typical(s_engineering).Role(2, 3, "admin").Role(2, 3, "superuser").Build());

        Assert.Equal(
            [
                "bob@engineering.edu in engineering: Imported",
                "bob@engineering.edu in engineering: Skipped (a second role row for this user in this organization; the first ('admin') counts)",
            ],
            LambExports.Outcomes(report.Memberships).Where(static m => m.StartsWith("bob", StringComparison.Ordinal)));
        var engineering = (await _store.FindOrganizationBySlugAsync("engineering"))!;
        var bob = (await _store.FindUserByEmailAsync("bob@engineering.edu"))!;
        Assert.Equal(MembershipRole.Admin, (await _store.GetMembershipAsync(engineering.Id, bob.Id))!.Role);
    }
}
