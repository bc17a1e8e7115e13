using ConfigResolver.Sqlite;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>
/// A database in the sandbox, seeded through the library with the sandbox's clock:
/// the system organization (a kb_server URL, a 'research' setup), org 'acme' (own OpenAI key, Ollama disabled, opts in to
/// the operator's knowledge-base key; owner ann, member bob), org 'beta' (signup key 'join-beta-2026'; owner carol) and
/// user dave without an organization.
/// </summary>
internal static class TenancyDatabase
{
    public const string Name = "tenancy.db";

    public const string AcmeConfig = """
        {"version":1,
         "setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-own-key","base_url":"https://openai.acme.example/v1","models":["gpt-4o","gpt-4o-mini"],"default_model":"gpt-4o"},
                                           "ollama":{"enabled":false}}}},
         "inheritance":{"kb_server":{"share_api_key":true}},
         "metadata":{"description":"Acme Corp"}}
        """;

    /// <summary>Creates and seeds <see cref="Name"/> in the sandbox, and gives the sandbox an operator environment.</summary>
    public static string Seed(CliSandbox sandbox)
    {
        sandbox.Environment["OPENAI_API_KEY"] = "sk-operator-secret";
        sandbox.Environment["OPENAI_MODELS"] = "gpt-4o,gpt-4o-mini";
        sandbox.Environment["LAMB_KB_SERVER_TOKEN"] = "kb-operator-token";
        SeedAsync(Path.Combine(sandbox.Root, Name), sandbox.Clock).GetAwaiter().GetResult();
        return Name;
    }

    /// <summary>Everything the database holds, as text (see <see cref="StoreDump"/>).</summary>
    public static string Dump(CliSandbox sandbox, string name = Name) => DumpAsync(Path.Combine(sandbox.Root, name)).GetAwaiter().GetResult();

    private static async Task SeedAsync(string path, TimeProvider clock)
    {
        await using var tenancy = await SqliteTenancy.OpenAsync(path, timeProvider: clock);
        var admin = tenancy.Administration;
        await admin.SetConfigAsync(TenancyRules.DefaultSystemSlug, """
            {"version":1,"setups":{"default":{"kb_server":{"url":"http://kb.internal:9090"}},
                                   "research":{"providers":{"openai":{"default_model":"gpt-4o-mini"}}}}}
            """);
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme Corp", ConfigJson = AcmeConfig });
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Slug = "beta",
            Name = "Beta",
            ConfigJson = """{"version":1,"features":{"signup_enabled":true,"signup_key":"join-beta-2026"}}""",
        });
        foreach (var (email, name) in new[] { ("ann@acme.example", "Ann"), ("bob@acme.example", "Bob"), ("carol@beta.example", "Carol"), ("dave@example.com", "Dave") })
        {
            await admin.AddUserAsync(email, name);
        }

        await admin.SetMembershipAsync("acme", "ann@acme.example", MembershipRole.Owner);
        await admin.SetMembershipAsync("acme", "bob@acme.example", MembershipRole.Member);
        await admin.SetMembershipAsync("beta", "carol@beta.example", MembershipRole.Owner);
    }

    private static async Task<string> DumpAsync(string path)
    {
        await using var store = await SqliteTenantStore.OpenAsync(path);
        return await StoreDump.CaptureAsync(store);
    }
}
