using ConfigResolver.Authorization.Plans;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Authorization.Tests.Plans;

public sealed class PlanCatalogLoaderTests
{
    [Fact]
    public void The_shipped_catalog_has_the_seeds_plans_and_limits()
    {
        var catalog = PlanCatalogLoader.Shipped;

        Assert.Equal(["free", "startup", "professional", "enterprise"], catalog.Plans.Select(p => p.Name));
        Assert.Equal("free", catalog.DefaultPlan);
        Assert.True(catalog.TryGet("startup", out var startup));
        Assert.Equal((5, 10_000L, 10L, 1_000L), (startup.Limits.Members!.Value, startup.Limits.ApiCallsPerMonth!.Value, startup.Limits.StorageGb!.Value, startup.Limits.CreditsPerMonth!.Value));
        Assert.Equal(["basic_analytics", "email_support"], startup.Limits.Features.ToArray());
        Assert.True(catalog.TryGet("enterprise", out var enterprise));
        Assert.Equal((null, null, 25_000L), (enterprise.Limits.Members, enterprise.Limits.ApiCallsPerMonth, enterprise.Limits.CreditsPerMonth));
    }

    public static TheoryData<string, string, int, int> BadCatalogs => new()
    {
        // text, expected code, line, column
        { "kind: Plans\ndefault: free\nplans:\n  free:\n    members: -1\n    api_keys: 1\n    teams: 1\n    api_calls_per_month: 1\n    tokens_per_month: 1\n    storage_gb: 1\n    credits_per_month: 1\n", "POL2010", 5, 14 },
        { "kind: Plans\ndefault: gold\nplans:\n  free:\n    members: 1\n    api_keys: 1\n    teams: 1\n    api_calls_per_month: 1\n    tokens_per_month: 1\n    storage_gb: 1\n    credits_per_month: 1\n", "POL2041", 2, 10 },
        { "kind: Plans\ndefault: free\nplans:\n  free:\n    members: 1\n    seats: 3\n    api_keys: 1\n    teams: 1\n    api_calls_per_month: 1\n    tokens_per_month: 1\n    storage_gb: 1\n    credits_per_month: 1\n", "POL2008", 6, 5 },
    };

    [Theory]
    [MemberData(nameof(BadCatalogs))]
    public void A_bad_catalog_is_rejected_with_file_line_and_column(string text, string code, int line, int column)
    {
        var e = Assert.Throws<PolicyCompilationException>(() => PlanCatalogLoader.Load(text, "deploy/plans.yaml"));

        Assert.Contains((code, "deploy/plans.yaml", line, column), e.Diagnostics.Select(static d => (d.Code, d.File, d.Line, d.Column)));
    }

    [Fact]
    public void A_policy_directory_holding_plans_yaml_loads_and_checks_it_with_the_policies()
    {
        PolicyFiles.Load(("plans.yaml", PlanCatalogLoader.ShippedText));

        var errors = PolicyFiles.Errors(("plans.yaml", "kind: Plans\ndefault: free\nplans: {}\n"));
        Assert.Contains(errors, d => d.File!.EndsWith("plans.yaml", StringComparison.Ordinal) && d.Line == 3);
    }
}
