using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Shared;

namespace ConfigResolver.Policy.Model;

/// <summary>Reads a model or policy file named by the caller: regular files only, at most 4 MiB, strict UTF-8.</summary>
internal static class SourceFile
{
    /// <summary>The largest model or policy file: 4 MiB.</summary>
    public const long MaxBytes = 4L << 20;

    /// <exception cref="PolicyCompilationException">The file cannot be read (<see cref="DiagnosticCodes.UnreadableSource"/>).</exception>
    public static string Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = BoundedText.ReadFile(path, MaxBytes);
        return read.Text ?? throw new PolicyCompilationException(
            [new Diagnostic(DiagnosticCodes.UnreadableSource, $"cannot read the file: {read.Detail}.", path, read.Line, read.Column)]);
    }
}
