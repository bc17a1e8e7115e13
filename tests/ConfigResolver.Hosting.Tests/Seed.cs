using ConfigResolver.Tenancy;

namespace ConfigResolver.Hosting.Tests;

/// <summary>The tenants the tests share: acme with an owner (alice) and a viewer (victor).</summary>
internal static class Seed
{
    public const string Config = """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true,"api_key":"sk-test-secret-123456","default_model":"gpt-4o"}}}}}""";

    public static async Task<(User Alice, User Victor)> AcmeAsync(TenantAdministration admin)
    {
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Config });
        var alice = await admin.AddUserAsync("alice@acme.example", "Alice");
        var victor = await admin.AddUserAsync("victor@acme.example", "Victor");
        await admin.SetMembershipAsync("acme", alice.Email, MembershipRole.Owner);
        await admin.SetMembershipAsync("acme", victor.Email, MembershipRole.Viewer);
        return (alice, victor);
    }
}
