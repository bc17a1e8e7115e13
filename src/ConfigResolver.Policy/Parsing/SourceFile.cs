using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Shared;

namespace ConfigResolver.Policy.Parsing;

/// <summary>Reads a model or policy file named by the caller: regular files only, bounded, strict UTF-8.</summary>
internal static class SourceFile
{
    /// <summary>The default bound, <see cref="EnforcerOptions.MaxFileBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L << 20;

    /// <exception cref="PolicyCompilationException">The file cannot be read (<see cref="PolicyDiagnosticCodes.UnreadableSource"/>).</exception>
    public static string Read(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = BoundedText.ReadFile(path, maxBytes);
        return read.Text ?? throw new PolicyCompilationException(
            [new Diagnostic(PolicyDiagnosticCodes.UnreadableSource, $"cannot read the file: {read.Detail}.", path, read.Line, read.Column)]);
    }
}
