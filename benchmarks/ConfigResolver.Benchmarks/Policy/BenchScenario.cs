using System.Text.Json;
using ConfigResolver.Policy;
using ConfigResolver.TestData;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// One folder of the repository's bench data (<c>testdata/bench/NAME</c>): model, policy, requests, expected
/// decisions and the Go benchmark's request(s). Loading asserts that every decision equals <c>expected.txt</c>.
/// </summary>
public sealed class BenchScenario
{
    private BenchScenario(string name, string directory, object?[][] requests, bool[] expected, object?[][] benchRequests)
    {
        Name = name;
        Directory = directory;
        Requests = requests;
        Expected = expected;
        BenchRequests = benchRequests;
        PolicyPath = TestDataFiles.LocalPath(Path.Combine(directory, "policy.csv"));
    }

    public string Name { get; }

    public string Directory { get; }

    public string ModelPath => Path.Combine(Directory, "model.conf");

    /// <summary>The policy file; a decompressed copy when the repository stores it as <c>policy.csv.gz</c> (found once, at load).</summary>
    public string PolicyPath { get; }

    /// <summary>Every line of requests.jsonl (JSON objects become string-keyed dictionaries, numbers doubles).</summary>
    public object?[][] Requests { get; }

    public bool[] Expected { get; }

    /// <summary>The request(s) the Go benchmark enforces in its loop.</summary>
    public object?[][] BenchRequests { get; }

    public static string Root => TestDataFiles.BenchData;

    public static IReadOnlyList<string> Names =>
        [.. System.IO.Directory.GetDirectories(Root).Select(Path.GetFileName).Where(static n => n is not null).Order(StringComparer.Ordinal)!];

    public static BenchScenario Load(string name)
    {
        var dir = Path.Combine(Root, name);
        var requests = TestDataFiles.ReadLines(Path.Combine(dir, "requests.jsonl")).Where(static l => l.Length > 0).Select(ParseRequest).ToArray();
        var expected = TestDataFiles.ReadLines(Path.Combine(dir, "expected.txt")).Where(static l => l.Length > 0).Select(static l => l.Trim() == "true").ToArray();
        using var scenario = JsonDocument.Parse(TestDataFiles.ReadAllText(Path.Combine(dir, "scenario.json")));
        var bench = scenario.RootElement.GetProperty("benchmark_requests").EnumerateArray().Select(static r => ParseRequest(r.GetRawText())).ToArray();
        if (requests.Length != expected.Length)
        {
            throw new InvalidOperationException($"{name}: {requests.Length} requests but {expected.Length} expected decisions.");
        }

        return new BenchScenario(name, dir, requests, expected, bench);
    }

    /// <summary>Loads an enforcer and checks every decision (indexed, then cached) against expected.txt.</summary>
    public Enforcer CreateVerifiedEnforcer()
    {
        var enforcer = new Enforcer(ModelPath, PolicyPath);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < Requests.Length; i++)
            {
                var actual = enforcer.Enforce(Requests[i]);
                if (actual != Expected[i])
                {
                    throw new InvalidOperationException(
                        $"{Name}: request {i + 1} {JsonSerializer.Serialize(Requests[i])} decided {actual}, expected {Expected[i]} (pass {pass + 1}).");
                }
            }
        }

        return enforcer;
    }

    private static object?[] ParseRequest(string line)
    {
        using var document = JsonDocument.Parse(line);
        return [.. document.RootElement.EnumerateArray().Select(Convert)];
    }

    private static object? Convert(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(static p => p.Name, static p => Convert(p.Value), StringComparer.Ordinal),
        _ => null,
    };
}
