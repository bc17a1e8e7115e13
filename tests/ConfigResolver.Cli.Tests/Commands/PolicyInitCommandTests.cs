using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Commands;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>cfgr policy init</c> and the policies shipped inside the tool.</summary>
public sealed class PolicyInitCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void The_tool_carries_exactly_the_repositorys_policies_and_schemas()
    {
        var policies = Path.Combine(TestPaths.RepositoryRoot, "policies");
        var expected = Directory.EnumerateFiles(policies, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(policies, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OrderBy(static f => f.Item1, StringComparer.Ordinal);
        var schemas = Path.Combine(TestPaths.RepositoryRoot, "schemas");
        var expectedSchemas = Directory.EnumerateFiles(schemas, "*.schema.json")
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .OrderBy(static f => f.Item1, StringComparer.Ordinal);

        Assert.Equal(expected, ShippedFiles.Policies);
        Assert.Equal(expectedSchemas, ShippedFiles.Schemas);
    }

    [Fact]
    public void Init_writes_policies_and_schemas_that_lint_and_test_clean()
    {
        var result = _sandbox.Run("policy", "init", "my-policies");

        Golden.Match("policy_init", result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(ExitCodes.Ok, _sandbox.Run("policy", "lint", "my-policies").ExitCode);
        var test = _sandbox.Run("policy", "test", "my-policies");
        Assert.Equal((ExitCodes.Ok, string.Empty), (test.ExitCode, test.Stderr));
        Assert.EndsWith(" passed, 0 failed\n", test.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roles.yaml", "schemas/policy.schema.json")]
    [InlineData("rules/org-status.yaml", "../schemas/policy.schema.json")]
    [InlineData("tests/roles_test.yaml", "../schemas/policy-test.schema.json")]
    public void Each_schema_header_points_at_the_schema_written_beside_the_policies(string file, string schema)
    {
        _sandbox.Run("policy", "init", "p");

        var path = Path.Combine(_sandbox.Root, "p", file);
        var header = File.ReadLines(path).First();
        Assert.Equal("# yaml-language-server: $schema=" + schema, header);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schema))), schema);
    }

    [Fact]
    public void Init_refuses_to_overwrite_unless_forced()
    {
        _sandbox.Run("policy", "init", "p");
        File.WriteAllText(Path.Combine(_sandbox.Root, "p", "roles.yaml"), "edited");

        var refused = _sandbox.Run("policy", "init", "p");
        var edited = File.ReadAllText(Path.Combine(_sandbox.Root, "p", "roles.yaml"));
        var forced = _sandbox.Run("policy", "init", "p", "--force");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.StartsWith("error: 'p/model.conf', 'p/plans.yaml', 'p/roles.yaml', ", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("pass --force to overwrite", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("edited", edited);
        Assert.Equal(ExitCodes.Ok, forced.ExitCode);
        Assert.StartsWith("# yaml-language-server:", File.ReadAllText(Path.Combine(_sandbox.Root, "p", "roles.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_uses_the_written_directory_like_the_built_in_policies()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Run("policy", "init", "p");
        string[] request = ["--user", "bob@acme.example", "--org", "acme", "--action", "agents:delete", "--explain"];

        var builtIn = _sandbox.Run(["--db", db, "check", .. request]);
        var written = _sandbox.Run(["--db", db, "check", "--policies", "p", .. request]);

        Assert.Equal((ExitCodes.Denied, ExitCodes.Denied), (builtIn.ExitCode, written.ExitCode));
        Assert.Equal(builtIn.Stdout, written.Stdout);
    }

    [Fact]
    public void An_allowed_check_against_the_built_in_policies_names_them_as_built_in()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "check", "--user", "ann@acme.example", "--org", "acme", "--action", "agents:delete", "--explain");

        Golden.Match("check_built_in_policies", result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(result.StdoutLines, static l => l.Contains(" at (built-in)/roles.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_rewriting_leaves_files_without_a_header_alone()
    {
        Assert.Equal("kind: Roles\n", PolicyInitCommand.PointHeader("roles.yaml", "kind: Roles\n"));
        Assert.Equal("# yaml-language-server: $schema=../../schemas/x.json\nkind: Rules", PolicyInitCommand.PointHeader("orgs/acme/r.yaml", "# yaml-language-server: $schema=anything/x.json\nkind: Rules"));
    }
}
