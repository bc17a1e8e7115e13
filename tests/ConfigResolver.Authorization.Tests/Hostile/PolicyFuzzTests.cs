using System.Diagnostics;
using System.Text.RegularExpressions;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Shared;
using ConfigResolver.Testing;

namespace ConfigResolver.Authorization.Tests.Hostile;

/// <summary>
/// Seeded fuzzing of policy YAML: 2,000 mutations of a rule package (conditions, selectors, reasons) loaded with the
/// shipped roles. Every outcome is a compiled policy or a <see cref="PolicyCompilationException"/> with coded
/// diagnostics; anything else fails the run with its seed and case.
/// </summary>
public sealed partial class PolicyFuzzTests
{
    private const int Cases = 2000;

    private static readonly string s_rules = File.ReadAllText(Path.Combine(RepoPaths.Policies, "rules", "org-status.yaml"))
        + "\n# extra\n" + """
        overridable_actions: [analytics:read]
        """;

    private static readonly string s_roles = File.ReadAllText(Path.Combine(RepoPaths.Policies, "roles.yaml"));

    [Theory]
    [InlineData(9)]
    [InlineData(2026)]
    public void Mutated_policy_files_compile_or_get_coded_diagnostics_never_an_exception(int seed)
    {
        var mutator = new Mutator(seed);
        var clock = Stopwatch.StartNew();
        var rejected = 0;
        for (var i = 0; i < Cases / 2; i++)
        {
            var read = BoundedText.Decode(mutator.MutateBytes(s_rules));
            var files = new[] { new PolicyFile("roles.yaml", s_roles), new PolicyFile("rules/fuzz.yaml", read.Text, read.Text is null ? read.Detail : null) };
            try
            {
                PolicyLoader.Load(files, "policies", TestTime.Fixed);
            }
            catch (PolicyCompilationException e)
            {
                rejected++;
                Assert.All(e.Diagnostics, d => Assert.Matches(CodePattern(), d.Code));
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, case {i}: {e}\n{read.Text}");
            }
        }

        // A stall detector, not a speed target: an input that took exponential time would take minutes; the bound is
        // generous because the suite runs its assemblies in parallel on shared two-core machines.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), clock.Elapsed.ToString());
        Assert.InRange(rejected, 100, Cases / 2);
    }

    [GeneratedRegex("^POL[0-9]{4}$")]
    private static partial Regex CodePattern();
}
