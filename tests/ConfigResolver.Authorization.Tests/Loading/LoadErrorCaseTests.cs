using System.Globalization;
using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Testing;

namespace ConfigResolver.Authorization.Tests.Loading;

/// <summary>Runs Cases/load-errors.yaml: each bad directory must produce exactly the listed diagnostics.</summary>
public sealed class LoadErrorCaseTests
{
    private static readonly Lazy<JsonArray> s_cases = new(() =>
    {
        var path = Path.Combine(RepoPaths.Cases, "load-errors.yaml");
        var diagnostics = new List<Diagnostic>();
        var document = YamlJsonReader.Read(File.ReadAllText(path), path, PolicyLoadingOptions.Default.MaxYamlDepth, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
        return (JsonArray)document.Root!["cases"]!;
    });

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in s_cases.Value)
        {
            data.Add((string)c!["name"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_policy_directory_reports_every_problem_at_its_file_line_and_column(string name)
    {
        var c = s_cases.Value.Single(x => (string)x!["name"]! == name)!;
        var expected = ((JsonArray)c["expect"]!).Select(static e => (string)e!).ToList();
        Assert.True(expected.Count > 0, $"case '{name}' states no expected diagnostics");
        var files = ((JsonObject)c["files"]!).Select(static f => new PolicyFile(f.Key, f.Value is null ? null : (string)f.Value!, f.Value is null ? "it was deleted while the directory was read" : null));

        var all = new Dictionary<string, PolicyFile>(StringComparer.Ordinal) { ["roles.yaml"] = new("roles.yaml", PolicyFiles.Roles) };
        foreach (var file in files)
        {
            all[file.RelativePath] = file;
        }

        var e = Assert.Throws<PolicyCompilationException>(() => PolicyLoader.Load(all.Values, timeProvider: TestTime.Fixed));
        var actual = e.Diagnostics.Select(static d => string.Create(CultureInfo.InvariantCulture, $"{d.Code} {d.File}:{d.Line ?? 0}:{d.Column ?? 0}")).ToList();
        Assert.True(expected.SequenceEqual(actual), $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", e.Diagnostics)}");
    }
}
