using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Authorization.Tests.Support;

namespace ConfigResolver.Authorization.Tests.Shipped;

public sealed class ShippedPolicyTests
{
    [Fact]
    public void Shipped_policies_compile_with_the_membership_roles_and_the_issue_scopes()
    {
        var policy = PolicyLoader.LoadDirectory(RepoPaths.Policies);

        Assert.Equal(["viewer", "member", "admin", "owner"], policy.Roles.ToArray());
        string[] issueScopes =
        [
            "agents:read", "agents:write", "agents:delete", "messages:create", "messages:read", "tools:read", "tools:write", "tools:delete",
            "sources:read", "sources:write", "sources:delete", "projects:read", "projects:write", "users:read", "users:write", "config:read",
            "config:write", "billing:read", "analytics:read", "org:delete",
        ];
        Assert.All(issueScopes, s => Assert.Contains(s, policy.Scopes));
        Assert.Contains("p, role:owner, *, org, delete", policy.PolicyLines);
        Assert.DoesNotContain("p, role:admin, *, org, delete", policy.PolicyLines);
    }

    [Fact]
    public async Task Shipped_policy_tests_all_pass_and_cover_every_shipped_rule()
    {
        var policy = PolicyLoader.LoadDirectory(RepoPaths.Policies);
        var report = await PolicyTestRunner.RunAsync(policy);

        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        Assert.True(report.Results.Length >= 40, $"only {report.Results.Length} cases");
        var explainedRules = report.Results.SelectMany(static r => r.Reasons).ToList();
        Assert.Contains(explainedRules, static r => r.Contains("is suspended", StringComparison.Ordinal));
        Assert.Contains(explainedRules, static r => r.Contains("is on a trial", StringComparison.Ordinal));
        Assert.Contains(explainedRules, static r => r.Contains("is not enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_yaml_file_names_its_schema_on_the_first_line()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Policies, "*.yaml", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var first = File.ReadLines(file).First();
            var schema = file.EndsWith("_test.yaml", StringComparison.Ordinal) ? "policy-test.schema.json" : "policy.schema.json";
            Assert.StartsWith("# yaml-language-server: $schema=", first, StringComparison.Ordinal);
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, first["# yaml-language-server: $schema=".Length..]));
            Assert.Equal(Path.Combine(RepoPaths.Schemas, schema), target);
        });
    }

    [Fact]
    public void Embedded_schemas_and_model_are_the_files_in_the_repository()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "policy.schema.json")), PolicySchemas.PolicyText);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "policy-test.schema.json")), PolicySchemas.PolicyTestText);
        var builtIn = PolicyLoader.Load([new PolicyFile("roles.yaml", PolicyFiles.Roles)]);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Policies, "model.conf")), builtIn.Model.Text);
    }
}
