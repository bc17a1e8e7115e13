using ConfigResolver.TestData;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>
/// A sandbox database holding LAMB's documentation example as org 'engineering' (created with <c>cfgr org create</c> from
/// testdata/lamb/engineering.json), owner ann@engineering.edu, and an operator environment with an OpenAI key.
/// </summary>
internal static class LambDatabase
{
    public const string Name = "lamb.db";

    public static string Seed(CliSandbox sandbox)
    {
        sandbox.Environment["OPENAI_API_KEY"] = "sk-operator-secret";
        sandbox.Environment["LAMB_KB_SERVER"] = "http://kb.operator:9090";
        var file = sandbox.Write("engineering.json", File.ReadAllText(Path.Combine(TestDataFiles.Lamb, "engineering.json")));
        Check(sandbox.Run("--db", Name, "org", "create", "--slug", "engineering", "--name", "Engineering", "--config", Path.GetFileName(file)));
        Check(sandbox.Run("--db", Name, "user", "add", "--email", "ann@engineering.edu", "--name", "Ann"));
        Check(sandbox.Run("--db", Name, "member", "set", "--org", "engineering", "--email", "ann@engineering.edu", "--role", "owner"));
        return Name;
    }

    private static void Check(CliResult result) =>
        Assert.True(result.ExitCode == 0, $"seeding failed: {result.Transcript}");
}
