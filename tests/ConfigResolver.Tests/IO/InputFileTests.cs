using System.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.IO;

namespace ConfigResolver.Tests.IO;

/// <summary>Files a user names: regular files only (asked before opening), bounded, strict UTF-8.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cfgr-input-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_fifo_is_refused_before_it_is_opened()
    {
        var fifo = Path.Combine(_root, "config.json");
        MakeFifo(fifo);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<InputFileException>(() => InputFile.ReadText(fifo, "config.json"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal((DiagnosticCodes.NotARegularFile, "config.json"), (d.Code, d.File));
        Assert.Contains("named pipe (FIFO)", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public void A_device_is_refused(string device)
    {
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadText(device));

        Assert.Equal(DiagnosticCodes.NotARegularFile, Assert.Single(e.Diagnostics).Code);
    }

    [Fact]
    public void A_directory_names_the_real_cause_in_one_sentence()
    {
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadText(_root, "configs"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("configs: error INP4002: cannot read the file: it is a directory, not a file.", d.ToString());
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadText(Path.Combine(_root, "none.json"), "none.json"));

        Assert.Equal(DiagnosticCodes.FileNotFound, Assert.Single(e.Diagnostics).Code);
    }

    [Fact]
    public void A_100_MB_file_is_refused_by_its_size_without_being_read()
    {
        var big = Path.Combine(_root, "big.json");
        using (var stream = File.Create(big))
        {
            stream.SetLength(100L << 20);
        }

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<InputFileException>(() => InputFile.ReadText(big, "big.json", 1 << 20));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileTooLarge, d.Code);
        Assert.Contains("104,857,600 bytes (100 MiB)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_byte_is_reported_at_its_line_and_column_never_replaced()
    {
        var path = Path.Combine(_root, "key.json");
        File.WriteAllBytes(path, [.. "{\n  \"api_key\": \"sk-é"u8, 0xFF, .. "\"\n}"u8]);

        var e = Assert.Throws<InputFileException>(() => InputFile.ReadText(path, "key.json"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidUtf8, 2, 19), (d.Code, d.Line, d.Column));
        Assert.Contains("0xFF at byte offset 21", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_is_read_without_its_byte_order_mark()
    {
        var path = Path.Combine(_root, "ok.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "{\"name\":\"Zoë 🙂\"}"u8]);

        Assert.Equal("{\"name\":\"Zoë 🙂\"}", InputFile.ReadText(path));
    }

    [Fact]
    public void Bytes_from_elsewhere_are_decoded_as_strictly()
    {
        var e = Assert.Throws<InputFileException>(() => InputFile.DecodeText("ab\ncd"u8.ToArray().Append((byte)0xC3).ToArray(), "(standard input)"));

        Assert.Equal((DiagnosticCodes.InvalidUtf8, 2, 3), (e.Diagnostics[0].Code, e.Diagnostics[0].Line, e.Diagnostics[0].Column));
    }

    internal static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
