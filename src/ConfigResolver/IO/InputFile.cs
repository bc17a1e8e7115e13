using ConfigResolver.Diagnostics;
using ConfigResolver.Shared;

namespace ConfigResolver.IO;

/// <summary>
/// Reads a file a user named (a configuration document, a Casbin model or policy, a requests file) safely: regular
/// files only, asked before the file is opened (a FIFO would block the reader, <c>/dev/zero</c> never ends), the size
/// checked before reading and the read itself bounded, and the bytes decoded as strict UTF-8 (an invalid byte is an
/// error with its line and column, never silently replaced by U+FFFD).
/// </summary>
/// <remarks>Stateless and safe for concurrent use. The limits are listed in <c>docs/limits.md</c>.</remarks>
public static class InputFile
{
    /// <summary>The default size limit: 4 MiB.</summary>
    public const long DefaultMaxBytes = 4L << 20;

    /// <summary>Reads <paramref name="path"/> as UTF-8 text.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">How diagnostics name the file (as the user typed it); <paramref name="path"/> when null.</param>
    /// <param name="maxBytes">The size limit in bytes (at least 1).</param>
    /// <param name="role">What the file is for messages (<c>model</c> gives "cannot read the model file"); none when null.</param>
    /// <returns>The text, without a leading byte-order mark.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="InputFileException">
    /// The file does not exist, is a directory, a FIFO, a device or a socket, is larger than <paramref name="maxBytes"/>,
    /// is not UTF-8, or cannot be read. The diagnostic's code says which (<c>INP4001</c>–<c>INP4006</c>).
    /// </exception>
    public static string ReadText(string path, string? displayName = null, long maxBytes = DefaultMaxBytes, string? role = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var read = BoundedText.ReadFile(path, maxBytes);
        return read.Text ?? throw new InputFileException(ToDiagnostic(read, displayName ?? path, role));
    }

    /// <summary>Decodes bytes that came from elsewhere (standard input, a request body) with the same strictness.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="displayName">How diagnostics name the input, for example <c>(standard input)</c>.</param>
    /// <param name="maxBytes">The size limit in bytes (at least 1).</param>
    /// <returns>The text, without a leading byte-order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="displayName"/> is null.</exception>
    /// <exception cref="InputFileException">The input is larger than <paramref name="maxBytes"/> or is not UTF-8.</exception>
    public static string DecodeText(ReadOnlySpan<byte> bytes, string displayName, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        if (bytes.Length > maxBytes)
        {
            throw new InputFileException(ToDiagnostic(
                new TextRead(null, TextReadFailure.TooLarge, $"it is {BoundedText.Size(bytes.Length)}; the limit is {BoundedText.Size(maxBytes)}"), displayName));
        }

        var read = BoundedText.Decode(bytes);
        return read.Text ?? throw new InputFileException(ToDiagnostic(read, displayName));
    }

    private static Diagnostic ToDiagnostic(TextRead read, string displayName, string? role = null)
    {
        var code = read.Failure switch
        {
            TextReadFailure.Missing => DiagnosticCodes.FileNotFound,
            TextReadFailure.Directory => DiagnosticCodes.NotAFile,
            TextReadFailure.NotRegular => DiagnosticCodes.NotARegularFile,
            TextReadFailure.TooLarge => DiagnosticCodes.FileTooLarge,
            TextReadFailure.InvalidUtf8 => DiagnosticCodes.InvalidUtf8,
            _ => DiagnosticCodes.UnreadableFile,
        };
        var expected = read.Failure switch
        {
            TextReadFailure.TooLarge => "a smaller file",
            TextReadFailure.InvalidUtf8 => "UTF-8 text",
            _ => "a readable regular file",
        };
        return new Diagnostic(code, $"cannot read the {(role is null ? string.Empty : role + " ")}file: {read.Detail}.")
        {
            File = displayName,
            Line = read.Line > 0 ? read.Line : null,
            Column = read.Column > 0 ? read.Column : null,
            Expected = expected,
            Actual = read.Detail,
        };
    }
}
