using System.Diagnostics;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Loading;

/// <summary>
/// Policy directories built to hang, exhaust memory or escape: each one a coded diagnostic naming the file, within a
/// CI-generous bound, and a reload that meets one keeps the previous policy.
/// </summary>
public sealed partial class HostileDirectoryTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);
    private readonly PolicySandbox _sandbox = new();

    public enum Setup
    {
        TwoLinksToTheRoot,
        FifoNamedYaml,
        LinkToDevZero,
        HundredMegabyteRules,
        TwoLinksToOneFolder,
        LinkToAFileAlreadyRead,
        LinkOutsideTheRoot,
        DanglingLink,
        TooManyEntries,
        InvalidUtf8,
        FlowNesting65,
        FlowNesting100000,
        BlockNesting70,
        EscapedLoneSurrogate,
    }

    public static TheoryData<Setup, string, string> Cases => new()
    {
        { Setup.TwoLinksToTheRoot, AuthorizationDiagnosticCodes.UnsafeLink, "a" },
        { Setup.FifoNamedYaml, AuthorizationDiagnosticCodes.NotRegularFile, "rules/pipe.yaml" },
        { Setup.LinkToDevZero, AuthorizationDiagnosticCodes.UnsafeLink, "zero.yaml" },
        { Setup.HundredMegabyteRules, AuthorizationDiagnosticCodes.FileLimit, "rules/big.yaml" },
        { Setup.TwoLinksToOneFolder, AuthorizationDiagnosticCodes.UnsafeLink, "y" },
        { Setup.LinkToAFileAlreadyRead, AuthorizationDiagnosticCodes.UnsafeLink, "rules/z-again.yaml" },
        { Setup.LinkOutsideTheRoot, AuthorizationDiagnosticCodes.UnsafeLink, "outside" },
        { Setup.DanglingLink, AuthorizationDiagnosticCodes.UnsafeLink, "rules/gone.yaml" },
        { Setup.TooManyEntries, AuthorizationDiagnosticCodes.FileLimit, "crowd" },
        { Setup.InvalidUtf8, AuthorizationDiagnosticCodes.InvalidText, "rules/bad.yaml:5:6" },
        { Setup.FlowNesting65, AuthorizationDiagnosticCodes.YamlTooDeep, "rules/deep.yaml:4:72" },
        { Setup.FlowNesting100000, AuthorizationDiagnosticCodes.YamlTooDeep, "rules/deep.yaml:4:72" },
        { Setup.BlockNesting70, AuthorizationDiagnosticCodes.YamlTooDeep, "rules/deep.yaml" },
        { Setup.EscapedLoneSurrogate, AuthorizationDiagnosticCodes.YamlSyntax, "rules/bad.yaml:4:9" },
    };

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_directory_is_refused_with_a_coded_diagnostic_quickly(Setup setup, string code, string where)
    {
        Prepare(setup);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<PolicyCompilationException>(() => PolicyLoader.LoadDirectory(_sandbox.Directory, "policies"));

        Assert.True(clock.Elapsed < s_bound, $"{setup}: {clock.Elapsed}");
        var rendered = e.Diagnostics.Select(d => $"{d.Code} {d.File}:{d.Line}:{d.Column}").ToList();
        Assert.Contains(rendered, r => r.StartsWith($"{code} policies/{where}", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_inside_the_root_are_followed_and_an_option_allows_links_outside()
    {
        // A folder only a link leads to (names starting with '.' are not read themselves).
        _sandbox.Write(".vendored/vendored.yaml", "kind: Rules\npackage: vendored\ndefault: deny\nrules: []\n");
        Directory.CreateSymbolicLink(_sandbox.Path_("vendored"), ".vendored");
        var outside = Directory.CreateTempSubdirectory("cfgr-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "more.yaml"), "kind: Rules\npackage: more\ndefault: deny\nrules: []\n");
            Directory.CreateSymbolicLink(_sandbox.Path_("shared"), outside);

            var refused = Assert.Throws<PolicyCompilationException>(() => PolicyLoader.LoadDirectory(_sandbox.Directory, "policies"));
            var allowed = PolicyLoader.LoadDirectory(_sandbox.Directory, "policies", null, new PolicyLoadingOptions { AllowLinksOutsideRoot = true });

            var d = Assert.Single(refused.Diagnostics);
            Assert.Equal((AuthorizationDiagnosticCodes.UnsafeLink, "policies/shared"), (d.Code, d.File));
            Assert.Contains("policies/shared/more.yaml", allowed.Files);
            Assert.Contains("policies/vendored/vendored.yaml", allowed.Files);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_device_reached_through_an_allowed_link_is_still_refused_before_it_is_opened()
    {
        File.CreateSymbolicLink(_sandbox.Path_("zero.yaml"), "/dev/zero");

        var e = Assert.Throws<PolicyCompilationException>(() =>
            PolicyLoader.LoadDirectory(_sandbox.Directory, "policies", null, new PolicyLoadingOptions { AllowLinksOutsideRoot = true }));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal((AuthorizationDiagnosticCodes.NotRegularFile, "policies/zero.yaml"), (d.Code, d.File));
        Assert.Contains("character device", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_the_limit_can_be_raised()
    {
        _sandbox.Write("rules/deep.yaml", "kind: Rules\npackage: deep\ndefault: deny\nrules: " + new string('[', 63) + new string(']', 63) + "\n");

        var atLimit = Assert.Throws<PolicyCompilationException>(() => PolicyLoader.LoadDirectory(_sandbox.Directory, "policies"));
        var raised = Assert.Throws<PolicyCompilationException>(() =>
            PolicyLoader.LoadDirectory(_sandbox.Directory, "policies", null, new PolicyLoadingOptions { MaxYamlDepth = 10 }));

        Assert.DoesNotContain(atLimit.Diagnostics, d => d.Code == AuthorizationDiagnosticCodes.YamlTooDeep);
        Assert.Contains(atLimit.Diagnostics, d => d.Code == AuthorizationDiagnosticCodes.WrongType);
        Assert.Contains(raised.Diagnostics, d => d.Code == AuthorizationDiagnosticCodes.YamlTooDeep);
    }

    [Fact]
    public async Task A_reload_that_meets_a_fifo_keeps_the_previous_policy_and_returns_at_once()
    {
        var umbrella = await _sandbox.OrgAsync("umbrella");
        var owner = await _sandbox.UserAsync(umbrella, MembershipRole.Owner);
        using var service = await _sandbox.StartAsync();
        var serving = service.Current;
        MakeFifo(_sandbox.Path_("rules/pipe.yaml"));

        var result = await service.ReloadAsync().WaitAsync(s_bound);

        Assert.False(result.Succeeded);
        Assert.Same(serving, service.Current);
        Assert.Contains(result.Diagnostics, d => d.Code == AuthorizationDiagnosticCodes.NotRegularFile);
        Assert.True(service.Check(Principal.ForUser(owner), "umbrella", "agents:write").Allowed);
    }
}
