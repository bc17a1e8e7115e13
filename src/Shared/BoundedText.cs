using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ConfigResolver.Shared;

/// <summary>Why a user-named file could not be read as text.</summary>
internal enum TextReadFailure
{
    /// <summary>The text was read.</summary>
    None,

    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>The path names a directory.</summary>
    Directory,

    /// <summary>The path names a FIFO, a device or a socket.</summary>
    NotRegular,

    /// <summary>The file is larger than the limit (checked before reading, and again while reading).</summary>
    TooLarge,

    /// <summary>The bytes are not UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The operating system refused the read (permissions, I/O error, deleted meanwhile).</summary>
    Unreadable,
}

/// <summary>The outcome of a bounded read: the text, or why there is none and where the bad byte is.</summary>
/// <param name="Text">The decoded text (a leading byte-order mark removed), or null on failure.</param>
/// <param name="Failure">Why there is no text.</param>
/// <param name="Detail">A clause saying what was found, e.g. "it is a directory, not a file".</param>
/// <param name="Line">1-based line of an invalid byte, else 0.</param>
/// <param name="Column">1-based column (in characters) of an invalid byte, else 0.</param>
internal readonly record struct TextRead(string? Text, TextReadFailure Failure, string Detail, int Line = 0, int Column = 0);

/// <summary>
/// Reads user-named files as strict UTF-8 within a size bound: regular files only (asked before opening, see
/// <see cref="FileKinds"/>), the size checked before reading and the read itself bounded (a file may grow meanwhile),
/// invalid bytes refused with their position instead of being replaced by U+FFFD. Compiled into each assembly that
/// reads such files, from this one source.
/// </summary>
internal static class BoundedText
{
    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads <paramref name="path"/> as UTF-8 text of at most <paramref name="maxBytes"/> bytes.</summary>
    public static TextRead ReadFile(string path, long maxBytes)
    {
        var kind = FileKinds.Of(path);
        switch (kind)
        {
            case FileKind.Missing:
                return new TextRead(null, TextReadFailure.Missing, "it does not exist");
            case FileKind.Directory:
                return new TextRead(null, TextReadFailure.Directory, "it is a directory, not a file");
            case not FileKind.Regular:
                return new TextRead(null, TextReadFailure.NotRegular, $"it is {FileKinds.Describe(kind)}, not a regular file");
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            if (stream.Length > maxBytes)
            {
                return TooLarge(stream.Length, maxBytes);
            }

            bytes = ReadAtMost(stream, maxBytes, out var overflow);
            if (overflow)
            {
                return TooLarge(-1, maxBytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is FileNotFoundException or DirectoryNotFoundException
                ? new TextRead(null, TextReadFailure.Missing, "it does not exist")
                : new TextRead(null, TextReadFailure.Unreadable, Reason(e));
        }

        return Decode(bytes);
    }

    /// <summary>Decodes strict UTF-8; the first invalid byte is reported with its line and column.</summary>
    public static TextRead Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(s_bom))
        {
            bytes = bytes[s_bom.Length..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new TextRead(new string(chars, 0, written), TextReadFailure.None, string.Empty);
        }

        var lineStart = bytes[..read].LastIndexOf((byte)'\n') + 1;
        var line = bytes[..read].Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(bytes[lineStart..read]) + 1;
        var detail = read < bytes.Length
            ? string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 byte 0x{bytes[read]:X2} at byte offset {read}; the file must be UTF-8 text")
            : "the file ends in the middle of a UTF-8 character; the file must be UTF-8 text";
        return new TextRead(null, TextReadFailure.InvalidUtf8, detail, line, column);
    }

    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or -1.</summary>
    public static int FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The 1-based line and column of character <paramref name="index"/>.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> text, int index)
    {
        var before = text[..index];
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>A size in bytes for messages: "4,194,304 bytes (4 MiB)".</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes ({bytes >> 20} MiB)")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    private static TextRead TooLarge(long size, long maxBytes) =>
        new(null, TextReadFailure.TooLarge, size >= 0
            ? $"it is {Size(size)}; the limit is {Size(maxBytes)}"
            : $"it grew past the limit of {Size(maxBytes)} while it was read");

    private static byte[] ReadAtMost(Stream stream, long maxBytes, out bool overflow)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var span = buffer.GetSpan(81920);
            var count = stream.Read(span);
            if (count == 0)
            {
                overflow = false;
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(count);
            if (buffer.WrittenCount > maxBytes)
            {
                overflow = true;
                return [];
            }
        }
    }

    private static string Reason(Exception e)
    {
        var message = e.Message.TrimEnd('.', ' ');
        return message.Length == 0 ? "it cannot be read" : char.ToLowerInvariant(message[0]) + message[1..];
    }
}
