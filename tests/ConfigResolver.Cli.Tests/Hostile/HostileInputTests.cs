using System.Diagnostics;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Hostile;

/// <summary>
/// The hostile-input suite: <c>cfgr</c> driven as a user would, one row per reproducer of issue 9 plus more. Each row
/// asserts the exact exit code and the error code, a CI-generous time bound, no unhandled exception, and that the
/// database is exactly as it was.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);
    private readonly CliSandbox _sandbox = new();

    public static TheoryData<string> Names => [.. HostileInputCases.Names];

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_input_gets_a_coded_error_or_a_correct_answer_quickly_and_changes_nothing(string name)
    {
        var hostile = HostileInputCases.All[name];
        TenancyDatabase.Seed(_sandbox);
        var before = TenancyDatabase.Dump(_sandbox);
        var args = hostile.Prepare(_sandbox);
        var clock = Stopwatch.StartNew();

        var result = _sandbox.Run(args);

        Assert.True(clock.Elapsed < s_bound, $"{name}: took {clock.Elapsed}");
        Assert.True(hostile.ExitCode == result.ExitCode, $"{name}: exit {result.ExitCode}, expected {hostile.ExitCode}\n{Shorten(result.Stderr)}");
        if (hostile.ErrorCode is not null)
        {
            Assert.Contains(result.StderrLines, line => line.Contains($"error {hostile.ErrorCode}: ", StringComparison.Ordinal));
            Assert.All(result.StderrLines, line => Assert.Matches(@"(^|: )error [A-Z]{3}\d{4}: |^error: ", line));
        }

        if (hostile.Stdout is not null)
        {
            Assert.Contains(hostile.Stdout, result.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, TenancyDatabase.Dump(_sandbox));
    }

    [Fact]
    public void A_directory_passed_as_file_names_the_real_cause_in_one_sentence()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, "configs"));

        var result = _sandbox.Run("--db", db, "org", "config", "set", "acme", "--file", "configs");

        Assert.Equal(["configs: error INP4002: cannot read the configuration file: it is a directory, not a file."], result.StderrLines);
    }

    [Fact]
    public void A_device_as_database_leaves_nothing_beside_it()
    {
        var result = _sandbox.Run("--db", "/dev/null", "org", "list");

        Assert.Equal(["store: error STO3002: store operation Open failed: '/dev/null' is a character device, not a database file; it was not opened."], result.StderrLines);
        Assert.False(File.Exists("/dev/null-journal"));
        Assert.False(File.Exists("/dev/null-wal"));
    }

    private static string Shorten(string text) => text.Length > 2000 ? text[..2000] + "..." : text;
}
