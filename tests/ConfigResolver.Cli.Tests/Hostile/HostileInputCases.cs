using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Hostile;

/// <summary>Every reproducer of issue 9, and more, as <see cref="HostileCase"/>s by name.</summary>
internal static class HostileInputCases
{
    private const string Db = TenancyDatabase.Name;

    private const string RegexModel = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub == p.sub && MATCH
        """;

    public static IReadOnlyDictionary<string, HostileCase> All { get; } = new Dictionary<string, HostileCase>(StringComparer.Ordinal)
    {
        // 1. Crashes with a stack trace.
        ["integer of 2^63 or more"] = SetConfig("""{"version":10000000000000000000}""", "CFG1042"),
        ["integer of 401 digits"] = SetConfig("{\"version\":1,\"x\":" + new string('1', 401) + "}", "CFG1042"),
        ["float out of range"] = SetConfig("""{"version":1,"setups":{"default":{"providers":{"openai":{"models":[1e400]}}}}}""", "CFG1042"),
        ["escaped lone high surrogate"] = SetConfig("""{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"\ud800"}}}}}""", "CFG1043"),
        ["escaped lone low surrogate"] = SetConfig("""{"version":1,"metadata":{"description":"\udc00"}}""", "CFG1043"),
        ["json nesting 65"] = SetConfig("{\"version\":1,\"x\":" + new string('[', 65) + new string(']', 65) + "}", "CFG1041"),
        ["json nesting 100,000"] = SetConfig("{\"version\":1,\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}", "CFG1041"),
        ["yaml nesting 64"] = Lint("rules/deep.yaml", DeepRules(64), "POL2025"),
        ["yaml nesting 1,000"] = Lint("rules/deep.yaml", DeepRules(1000), "POL2025"),
        ["yaml nesting 100,000"] = Lint("rules/deep.yaml", DeepRules(100_000), "POL2025"),
        ["condition with 5,000 nested parentheses"] = Lint("rules/deep.yaml", Condition(new string('(', 5000) + "true" + new string(')', 5000)), "POL1013"),
        ["condition with 100,000 ||"] = Lint("rules/deep.yaml", Condition(string.Join(" || ", Enumerable.Repeat("true", 100_000))), "POL1013"),
        ["matcher with 20,000 nested parentheses"] = Enforce(new string('(', 20_000) + "true" + new string(')', 20_000), "p, alice, data, read", "alice", "data", ExitCodes.Failed, "POL1013"),
        ["matcher with 20,000 ||"] = Enforce(string.Join(" || ", Enumerable.Repeat("r.obj == p.obj", 20_000)), "p, alice, data, read", "alice", "data", ExitCodes.Failed, "POL1013"),

        // 2. Data silently altered.
        ["invalid UTF-8 in an API key"] = SetConfigBytes([.. """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-new"""u8, 0xFF, .. "\"}}}}}"u8], "INP4005"),
        ["invalid UTF-8 in a policy file"] = new(s => PolicyWith(s, "rules/bad.yaml", [.. "kind: Rules\npackage: bad\ndefault: deny\nrules: []\n# "u8, 0xC0, 0xAF, (byte)'\n']), ExitCodes.Failed, "POL2028"),
        ["invalid UTF-8 in a model file"] = new(s => ["enforce", "--model", WriteBytes(s, "model.conf", [.. "[matchers]\nm = "u8, 0xFE, (byte)'\n']), "--requests", s.Write("r.jsonl", "[]\n")], ExitCodes.Failed, "INP4005"),

        // 3. Caller-controlled exponential time.
        ["=~ with ^(a+)+$ on a*50000+b"] = Enforce("r.obj =~ p.obj", "p, alice, ^(a+)+$, read", "alice", new string('a', 50_000) + "b", ExitCodes.Ok, null, "false"),
        ["regexMatch with \\b(a+)+$"] = Enforce("regexMatch(r.obj, p.obj)", "p, alice, \"\\b(a+)+$\", read", "alice", new string('a', 50_000) + "!", ExitCodes.Ok, null, "false"),
        ["regexMatch with ^(\\P{L}|a+)+$"] = Enforce("regexMatch(r.obj, p.obj)", "p, alice, \"^(\\P{L}|a+)+$\", read", "alice", new string('a', 50_000) + "b", ExitCodes.Ok, null, "false"),
        ["keyMatch2 with a nested quantifier"] = Enforce("keyMatch2(r.obj, p.obj)", "p, alice, /(a+)+/:id, read", "alice", "/" + new string('a', 50_000) + "!/x", ExitCodes.Ok, null, "false"),
        ["glob with multiplying braces"] = Enforce("globMatch(r.obj, p.obj)", "p, alice, \"" + string.Concat(Enumerable.Repeat("{a,aa,aaa}", 30)) + "b\", read", "alice", new string('a', 5000), ExitCodes.Ok, null, "error: globMatch"),
        ["=~ with a lookahead is refused at compile time"] = Enforce("r.obj =~ '(?=a)'", "p, alice, data, read", "alice", "data", ExitCodes.Failed, "POL1014"),
        ["a rule with =~ that used to stall check"] = new(s =>
        {
            PolicyWith(s, "rules/agents.yaml", Encoding.UTF8.GetBytes("kind: Rules\npackage: agents.names\ndefault: deny\nrules:\n  - name: odd\n    effect: deny\n    actions: [agents:read]\n    when: [\"resource.id =~ '^(a+)+$'\"]\n"));
            return ["--db", Db, "check", "--policies", "policies", "--user", "ann@acme.example", "--org", "acme", "--action", "agents:read", "--resource", "agent/" + new string('a', 50_000) + "!"];
        }, ExitCodes.Ok, null, "allow"),

        // 4. Hangs and unbounded memory on files.
        ["policy directory with two links to itself"] = new(s => PolicyWithLinks(s, ("a", "."), ("b", ".")), ExitCodes.Failed, "POL2026"),
        ["policy FIFO named *.yaml"] = new(s => { Fifo(s, "policies/rules/pipe.yaml"); return Lint(s); }, ExitCodes.Failed, "POL2029"),
        ["policy zero.yaml linked to /dev/zero"] = new(s => PolicyWithLinks(s, ("zero.yaml", "/dev/zero")), ExitCodes.Failed, "POL2026"),
        ["100 MB rules file"] = new(s => { Sparse(s, "policies/rules/big.yaml"); return Lint(s); }, ExitCodes.Failed, "POL2027"),
        ["--file on a FIFO"] = new(s => ["--db", Db, "org", "config", "set", "acme", "--file", Fifo(s, "pipe.json")], ExitCodes.Failed, "INP4003"),
        ["--config on a FIFO"] = new(s => ["--db", Db, "org", "create", "--slug", "gamma", "--name", "Gamma", "--config", Fifo(s, "pipe.json")], ExitCodes.Failed, "INP4003"),
        ["--file on /dev/zero"] = new(_ => ["--db", Db, "org", "config", "set", "acme", "--file", "/dev/zero"], ExitCodes.Failed, "INP4003"),
        ["--model on /dev/zero"] = new(s => ["enforce", "--model", "/dev/zero", "--requests", s.Write("r.jsonl", "[]\n")], ExitCodes.Failed, "INP4003"),
        ["--requests on a FIFO"] = new(s => ["enforce", "--model", s.Write("m.conf", RegexModel.Replace("MATCH", "true", StringComparison.Ordinal)), "--requests", Fifo(s, "r.jsonl")], ExitCodes.Failed, "INP4003"),
        ["--file of 100 MB"] = new(s => ["--db", Db, "org", "config", "set", "acme", "--file", Sparse(s, "big.json")], ExitCodes.Failed, "INP4004"),

        // 5. Valid but absurd documents.
        ["50,000 empty setups"] = SetConfig(Setups(50_000), "CFG1044"),
        ["65 providers"] = SetConfig("""{"version":1,"setups":{"default":{"providers":{""" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"p{i}\":{{}}")) + "}}}}", "CFG1044"),
        ["257 models"] = SetConfig("""{"version":1,"setups":{"default":{"providers":{"openai":{"models":[""" + string.Join(",", Enumerable.Range(0, 257).Select(i => $"\"m{i}\"")) + "]}}}}}", "CFG1044"),
        ["a string of 65,537 characters"] = SetConfig("{\"version\":1,\"metadata\":{\"description\":\"" + new string('x', 65_537) + "\"}}", "CFG1045"),
        ["a document over 1 MiB"] = SetConfig("{\"version\":1,\"metadata\":{\"description\":\"" + new string('x', 1 << 20) + "\"}}", "INP4004"),

        // 6. Small things.
        ["a directory as --file"] = new(s => { Directory.CreateDirectory(Path.Combine(s.Root, "configs")); return ["--db", Db, "org", "config", "set", "acme", "--file", "configs"]; }, ExitCodes.Failed, "INP4002"),
        ["--db /dev/null"] = new(_ => ["--db", "/dev/null", "org", "list"], ExitCodes.Failed, "STO3002"),
        ["--db a directory"] = new(s => { Directory.CreateDirectory(Path.Combine(s.Root, "dbdir")); return ["--db", "dbdir", "org", "list"]; }, ExitCodes.Failed, "STO3002"),
        ["--db a FIFO"] = new(s => ["--db", Fifo(s, "pipe.db"), "org", "list"], ExitCodes.Failed, "STO3002"),
        ["a request line with an escaped lone surrogate"] = Requests("[\"\\ud800\", \"data\", \"read\"]", "CLI1001"),
        ["a request line with a number out of range"] = Requests("[\"alice\", 1e400, \"read\"]", "CLI1001"),
        ["a request line nested 100,000 deep"] = Requests(new string('[', 100_000) + new string(']', 100_000), "CLI1001"),
        ["--setup with an escaped lone surrogate"] = new(s =>
        [
            "enforce", "--model", s.Write("m.conf", RegexModel.Replace("MATCH", "true", StringComparison.Ordinal)),
            "--requests", s.Write("r.jsonl", "[\"alice\", \"data\", \"read\"]\n"), "--setup", "{\"matching_functions\":{\"\\udc00\":\"keyMatch\"}}",
        ], ExitCodes.Failed, null),
        ["a key typed into a provider slot"] = SetConfig("""{"version":1,"setups":{"default":{"providers":{"openai":"sk-live-pasted-key"}}}}""", "CFG1002"),
    };

    public static IEnumerable<string> Names => All.Keys;

    private static HostileCase SetConfig(string json, string code) =>
        new(s => ["--db", Db, "org", "config", "set", "acme", "--file", s.Write("doc.json", json)], ExitCodes.Failed, code);

    private static HostileCase SetConfigBytes(byte[] bytes, string code) =>
        new(s => ["--db", Db, "org", "config", "set", "acme", "--file", WriteBytes(s, "doc.json", bytes)], ExitCodes.Failed, code);

    private static HostileCase Lint(string file, string text, string code) =>
        new(s => PolicyWith(s, file, Encoding.UTF8.GetBytes(text)), ExitCodes.Failed, code);

    private static HostileCase Enforce(string matcher, string policy, string sub, string obj, int exitCode, string? code, string? stdout = null) =>
        new(s =>
        [
            "enforce",
            "--model", s.Write("m.conf", RegexModel.Replace("MATCH", matcher, StringComparison.Ordinal)),
            "--policy", s.Write("p.csv", policy + "\n"),
            "--requests", s.Write("r.jsonl", JsonSerializer.Serialize(new[] { sub, obj, "read" }) + "\n"),
        ], exitCode, code, stdout);

    private static HostileCase Requests(string line, string code) =>
        new(s =>
        [
            "enforce", "--model", s.Write("m.conf", RegexModel.Replace("MATCH", "true", StringComparison.Ordinal)),
            "--requests", s.Write("r.jsonl", line + "\n"),
        ], ExitCodes.Failed, code);

    private static string[] Lint(CliSandbox sandbox) => ["policy", "lint", "policies"];

    private static string[] PolicyWith(CliSandbox sandbox, string file, byte[] bytes)
    {
        sandbox.CopyShippedPolicies();
        WriteBytes(sandbox, "policies/" + file, bytes);
        return Lint(sandbox);
    }

    private static string[] PolicyWithLinks(CliSandbox sandbox, params (string Name, string Target)[] links)
    {
        sandbox.CopyShippedPolicies();
        foreach (var (name, target) in links)
        {
            File.CreateSymbolicLink(Path.Combine(sandbox.Root, "policies", name), target);
        }

        return Lint(sandbox);
    }

    private static string WriteBytes(CliSandbox sandbox, string name, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(sandbox.Root, name))!);
        File.WriteAllBytes(Path.Combine(sandbox.Root, name), bytes);
        return name;
    }

    private static string Fifo(CliSandbox sandbox, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(sandbox.Root, name))!);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(sandbox.Root, name)]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return name;
    }

    private static string Sparse(CliSandbox sandbox, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(sandbox.Root, name))!);
        using var stream = File.Create(Path.Combine(sandbox.Root, name));
        stream.SetLength(100L << 20);
        return name;
    }

    private static string DeepRules(int depth) =>
        "kind: Rules\npackage: deep\ndefault: deny\nrules: " + new string('[', depth) + new string(']', depth) + "\n";

    private static string Condition(string condition) =>
        "kind: Rules\npackage: deep\ndefault: deny\nrules:\n  - name: d\n    effect: deny\n    actions: [agents:read]\n    when: [\"" + condition + "\"]\n";

    private static string Setups(int count) =>
        "{\"version\":1,\"setups\":{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"s{i}\":{{}}")) + "}}";
}
