using ConfigResolver.Commerce;

namespace ConfigResolver.Testing;

/// <summary>Plans for tests: small limits so that a test reaches them in a few writes.</summary>
public static class CommerceFactory
{
    public static OrganizationPlan Plan(string name = "tiny", int? members = 2, int? apiKeys = 1, int? teams = 2, long? credits = 100, long? apiCalls = 50) =>
        new(name, new PlanLimits
        {
            Members = members,
            ApiKeys = apiKeys,
            Teams = teams,
            CreditsPerMonth = credits,
            ApiCallsPerMonth = apiCalls,
            TokensPerMonth = null,
            Features = ["basic_analytics"],
        });
}
