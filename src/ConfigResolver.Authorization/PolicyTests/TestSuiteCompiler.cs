using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Authorization.PolicyTests;

/// <summary>Stage 3c: checks a test file's references (users, organizations, API keys) and builds its fixtures.</summary>
internal static class TestSuiteCompiler
{
    private static readonly DateTimeOffset s_epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PolicyTestSuite? Compile(PolicyTestDocument document, ICollection<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var orgs = document.Orgs.ToDictionary(static o => o.Slug.Value, StringComparer.Ordinal);
        var users = document.Users.ToImmutableDictionary(static u => u.Value, static u => IdOf("user", u.Value), StringComparer.Ordinal);
        var keys = document.ApiKeys.ToImmutableDictionary(static k => k.Name.Value, static k => k, StringComparer.Ordinal);

        var systems = document.Orgs.Where(static o => o.IsSystem).ToList();
        foreach (var extra in systems.Skip(1))
        {
            diagnostics.Add(extra.Slug.Error(AuthorizationDiagnosticCodes.InvalidFixture, $"only one organization can be the system organization; '{systems[0].Slug.Value}' already is."));
        }

        var organizations = ImmutableArray.CreateBuilder<Organization>();
        foreach (var org in document.Orgs.OrderByDescending(static o => o.IsSystem))
        {
            if (!TenancyRules.IsValidSlug(org.Slug.Value))
            {
                diagnostics.Add(org.Slug.Error(AuthorizationDiagnosticCodes.InvalidFixture, $"'{org.Slug.Value}' is not an organization slug; expected {TenancyRules.SlugExpectation}."));
                continue;
            }

            // The schema allows only the three status names, so parsing cannot fail here.
            _ = TenancyNames.TryParseStatus(org.Status, out var status);
            if (org.IsSystem && status != OrganizationStatus.Active)
            {
                diagnostics.Add(org.Slug.Error(AuthorizationDiagnosticCodes.InvalidFixture, "the system organization is always active."));
            }

            organizations.Add(new Organization
            {
                Id = IdOf("org", org.Slug.Value),
                Slug = org.Slug.Value,
                Name = org.Slug.Value,
                IsSystem = org.IsSystem,
                Status = status,
                Plan = org.Plan,
                Config = ConfigOf(org, diagnostics),
                CreatedAt = s_epoch,
                UpdatedAt = s_epoch,
            });
        }

        var memberships = ImmutableArray.CreateBuilder<(string, string, MembershipRole)>();
        foreach (var m in document.Memberships)
        {
            var ok = Known(m.User, users.ContainsKey(m.User.Value), "user", users.Keys, diagnostics)
                & Known(m.Org, orgs.ContainsKey(m.Org.Value), "organization", orgs.Keys, diagnostics);
            if (ok && TenancyNames.TryParseRole(m.Role, out var role))
            {
                memberships.Add((m.User.Value, m.Org.Value, role));
            }
        }

        foreach (var key in document.ApiKeys)
        {
            Known(key.Org, orgs.ContainsKey(key.Org.Value), "organization", orgs.Keys, diagnostics);
            if (key.User is { } user)
            {
                Known(user, users.ContainsKey(user.Value), "user", users.Keys, diagnostics);
            }
        }

        CheckCases(document, users, orgs, keys, diagnostics);
        return diagnostics.Count > before ? null : new PolicyTestSuite(document, organizations.ToImmutable(), users, memberships.ToImmutable(), keys);
    }

    private static void CheckCases(
        PolicyTestDocument document, ImmutableDictionary<string, Guid> users, Dictionary<string, OrgFixture> orgs,
        ImmutableDictionary<string, ApiKeyFixture> keys, ICollection<Diagnostic> diagnostics)
    {
        var names = new Dictionary<string, Located>(StringComparer.Ordinal);
        foreach (var c in document.Cases)
        {
            if (!names.TryAdd(c.Name.Value, c.Name))
            {
                diagnostics.Add(c.Name.Error(AuthorizationDiagnosticCodes.DuplicateName, $"a case named '{c.Name.Value}' is already declared at {names[c.Name.Value].Where}."));
            }

            if ((c.User is null) == (c.ApiKey is null))
            {
                diagnostics.Add(c.Org.Error(AuthorizationDiagnosticCodes.MissingExpectation,
                    $"case '{c.Name.Value}': the input needs exactly one principal, 'user' or 'api_key'."));
            }

            if (c.User is { } user)
            {
                Known(user, users.ContainsKey(user.Value), "user", users.Keys, diagnostics);
            }

            if (c.ApiKey is { } key)
            {
                Known(key, keys.ContainsKey(key.Value), "API key", keys.Keys, diagnostics);
            }

            Known(c.Org, orgs.ContainsKey(c.Org.Value), "organization", orgs.Keys, diagnostics);
        }
    }

    /// <summary>Converts the resolved-view shaped fixture config into an organization document (its <c>default</c> setup) and validates it.</summary>
    private static OrgConfigDocument ConfigOf(OrgFixture org, ICollection<Diagnostic> diagnostics)
    {
        if (org.Config is null)
        {
            return OrgConfigDocument.Empty;
        }

        var setup = new JsonObject();
        var document = new JsonObject { ["version"] = 1, ["setups"] = new JsonObject { ["default"] = setup } };
        foreach (var (name, value) in org.Config)
        {
            var target = name is "features" or "metadata" ? document : setup;
            target[name] = value?.DeepClone();
        }

        try
        {
            return OrgConfigDocument.Parse(document.ToJsonString(), $"fixture '{org.Slug.Value}'");
        }
        catch (TenantValidationException e)
        {
            foreach (var d in e.Diagnostics)
            {
                diagnostics.Add(org.Slug.Error(AuthorizationDiagnosticCodes.InvalidFixture, $"config of '{org.Slug.Value}': {d.Pointer}: {d.Message}"));
            }

            return OrgConfigDocument.Empty;
        }
    }

    private static bool Known(Located name, bool known, string what, IEnumerable<string> expected, ICollection<Diagnostic> diagnostics)
    {
        if (!known)
        {
            var list = expected.Order(StringComparer.Ordinal).ToList();
            diagnostics.Add(name.Error(AuthorizationDiagnosticCodes.InvalidFixture,
                $"unknown {what} '{name.Value}'; the fixtures declare {(list.Count == 0 ? "none" : string.Join(", ", list.Select(static n => $"'{n}'")))}."));
        }

        return known;
    }

    /// <summary>A stable id per fixture name, so reports and explanations are the same on every run.</summary>
    internal static Guid IdOf(string kind, string name) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + name)).AsSpan(0, 16));
}
