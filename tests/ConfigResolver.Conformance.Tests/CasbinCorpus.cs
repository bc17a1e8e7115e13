using System.Collections.Concurrent;
using System.Text.Json;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Functions;
using ConfigResolver.TestData;
using ConfigResolver.Testing;

namespace ConfigResolver.Conformance.Tests;

/// <summary>Loads the corpus once and shares one enforcer per model, policy and setup, as Go's harness does.</summary>
internal static class CasbinCorpus
{
    public static readonly string[] Files = ["cases.jsonl", "abac_cases.jsonl", "error_cases.jsonl"];

    private static readonly Lazy<Dictionary<string, CasbinCase>> s_cases = new(Load);
    private static readonly ConcurrentDictionary<string, Lazy<(Enforcer? Enforcer, Exception? Error)>> s_enforcers = new();

    public static IReadOnlyDictionary<string, CasbinCase> Cases => s_cases.Value;

    public static IEnumerable<string> IdsOf(string file) => Cases.Values.Where(c => c.File == file).Select(static c => c.Id);

    /// <summary>The shared enforcer for a row; <paramref name="scanOnly"/> gives a second one with the index switched off.</summary>
    public static (Enforcer? Enforcer, Exception? Error) EnforcerFor(CasbinCase row, bool scanOnly = false) =>
        s_enforcers.GetOrAdd(row.EnforcerKey + (scanOnly ? "|scan" : string.Empty), _ => new Lazy<(Enforcer?, Exception?)>(() => Create(row, scanOnly))).Value;

    private static (Enforcer?, Exception?) Create(CasbinCase row, bool scanOnly)
    {
        try
        {
            var model = TestDataFiles.LocalPath(Path.Combine(TestPaths.CasbinCorpus, row.Model));
            var policy = row.Policy is null ? null : TestDataFiles.LocalPath(Path.Combine(TestPaths.CasbinCorpus, row.Policy));
            var enforcer = new Enforcer(model, policy);
            enforcer.EnableIndex(!scanOnly);
            if (row.Setup is { } setup)
            {
                Apply(enforcer, setup);
            }

            return (enforcer, null);
        }
        catch (Exception e) when (e is ConfigResolver.Policy.Diagnostics.PolicyCompilationException)
        {
            return (null, e);
        }
    }

    private static void Apply(Enforcer enforcer, JsonElement setup)
    {
        if (setup.TryGetProperty("matching_functions", out var names))
        {
            foreach (var entry in names.EnumerateObject())
            {
                Assert.True(enforcer.AddNamedMatchingFunc(entry.Name, Function(entry.Value.GetString()!)), $"no role type '{entry.Name}'");
            }
        }

        if (setup.TryGetProperty("domain_matching_functions", out var domains))
        {
            foreach (var entry in domains.EnumerateObject())
            {
                Assert.True(enforcer.AddNamedDomainMatchingFunc(entry.Name, Function(entry.Value.GetString()!)), $"no role type '{entry.Name}'");
            }
        }

        if (setup.TryGetProperty("accept_json_request", out var json) && json.GetBoolean())
        {
            enforcer.EnableAcceptJsonRequest(true);
        }
    }

    private static Func<string, string, bool> Function(string name) =>
        BuiltInFunctions.TryGetMatchingFunction(name, out var fn) ? fn : throw new InvalidOperationException($"unknown matching function '{name}'");

    /// <summary>Request values as Go receives them: strings, float64 numbers, and maps for JSON objects.</summary>
    public static object?[] RequestValues(JsonElement request) => [.. request.EnumerateArray().Select(Convert)];

    private static object? Convert(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(static p => p.Name, static p => Convert(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Select(Convert).ToArray(),
        _ => null,
    };

    private static Dictionary<string, CasbinCase> Load()
    {
        var cases = new Dictionary<string, CasbinCase>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            foreach (var line in TestDataFiles.ReadLines(Path.Combine(TestPaths.CasbinCorpus, file)))
            {
                if (line.Length > 0)
                {
                    var row = CasbinCase.Parse(file, line);
                    cases.Add(row.Id, row);
                }
            }
        }

        return cases;
    }
}
