using System.Text;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Hostile;

/// <summary>
/// Standard input of a real cfgr process is strict UTF-8: a stray byte in a document piped to <c>--file -</c> is an
/// error and stores nothing, never a silently altered secret.
/// </summary>
public sealed class StandardInputTests : IDisposable
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(2);
    private readonly string _root = Directory.CreateTempSubdirectory("cfgr-stdin-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, byte[]> Documents => new()
    {
        { "plain", Encoding.UTF8.GetBytes(Document("sk-abcdef123456")) },
        { "byte-order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Document("sk-abcdef123456"))] },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_valid_document_on_standard_input_is_stored_as_sent(string name, byte[] bytes)
    {
        Cfgr([], "org", "create", "--slug", "acme", "--name", "Acme");

        var set = Cfgr(bytes, "org", "config", "set", "--org", "acme", "--file", "-");

        Assert.True(set.ExitCode == 0, $"{name}: {set.Stderr}");
        Assert.Contains("sk-abcdef123456", Cfgr([], "org", "config", "get", "--org", "acme", "--reveal-secrets").Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void An_invalid_byte_on_standard_input_is_refused_and_nothing_is_stored(byte[] stray)
    {
        Cfgr([], "org", "create", "--slug", "acme", "--name", "Acme");
        var text = Document("sk-abcdef123456");
        var at = text.IndexOf("456", StringComparison.Ordinal) + 3;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(text[..at]), .. stray, .. Encoding.UTF8.GetBytes(text[at..])];

        var set = Cfgr(bytes, "org", "config", "set", "--org", "acme", "--file", "-");

        Assert.Equal(1, set.ExitCode);
        Assert.Contains("not valid UTF-8", set.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-abcdef", set.Stderr + set.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-abcdef", Cfgr([], "org", "config", "get", "--org", "acme", "--reveal-secrets").Stdout, StringComparison.Ordinal);
    }

    private static string Document(string key) =>
        "{\"version\": 1, \"setups\": {\"default\": {\"providers\": {\"openai\": {\"api_key\": \"" + key + "\"}}}}}";

    private (int ExitCode, string Stdout, string Stderr) Cfgr(byte[] input, params string[] args) =>
        ProcessRunner.Run(ProcessRunner.Dotnet, _root, s_limit, input, [typeof(CliApp).Assembly.Location, "--db", Path.Combine(_root, "t.db"), .. args]);
}
