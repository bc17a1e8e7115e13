using System.Collections.Immutable;
using System.Text;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Parsing;

/// <summary>
/// Reads Casbin's INI-like model format the way Go casbin's config reader does: lines are trimmed; blank lines
/// and lines starting with <c>#</c> or <c>;</c> end the pending entry; <c>[name]</c> starts a section; a line
/// ending in <c>\</c> continues on the next line (joined with one space); everything after the first
/// <c>#</c> or <c>;</c> on a line is a comment; an entry splits at its first <c>=</c>; a later duplicate key
/// replaces an earlier one. Unlike Go it keeps positions and reports every malformed line, not just the first.
/// </summary>
internal static class ConfParser
{
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ImmutableArray<ConfEntry> Parse(string text, string? sourceName, List<Diagnostic> diagnostics)
    {
        var entries = new List<ConfEntry>();
        var section = "default";
        var pending = new StringBuilder();
        var segments = ImmutableArray.CreateBuilder<SourceMap.Segment>();
        var pendingLine = 0;
        var pendingColumn = 0;

        var lineNumber = 0;
        foreach (var rawLine in SplitLines(text))
        {
            lineNumber++;
            var (line, indent) = Trim(rawLine);
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                Flush();
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                Flush();
                section = line[1..^1];
                continue;
            }

            var continues = line[^1] == '\\';
            var content = continues ? line[..^1].TrimEnd() + " " : line;
            var commentAt = content.AsSpan().IndexOfAny('#', ';');
            if (commentAt >= 0)
            {
                content = content[..commentAt];
            }

            if (pending.Length == 0)
            {
                pendingLine = lineNumber;
                pendingColumn = indent + 1;
            }

            segments.Add(new SourceMap.Segment(pending.Length, lineNumber, indent + 1));
            pending.Append(content);
            if (!continues)
            {
                Flush();
            }
        }

        Flush();
        return [.. entries];

        void Flush()
        {
            if (pending.Length == 0)
            {
                segments.Clear();
                return;
            }

            var buffered = pending.ToString();
            var eq = buffered.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                diagnostics.Add(new Diagnostic(
                    PolicyDiagnosticCodes.ModelSyntax,
                    $"expected 'key = value', a '[section]' header or a comment; found '{buffered.Trim()}'.",
                    sourceName,
                    pendingLine,
                    pendingColumn));
            }
            else
            {
                var key = buffered[..eq].Trim();
                var rawValue = buffered[(eq + 1)..];
                var lead = rawValue.Length - rawValue.TrimStart().Length;
                var value = rawValue.Trim();
                var valueOffset = eq + 1 + lead;
                var shifted = ImmutableArray.CreateBuilder<SourceMap.Segment>();
                foreach (var s in segments)
                {
                    var end = s.Offset;
                    if (end <= valueOffset)
                    {
                        shifted.Clear();
                        shifted.Add(new SourceMap.Segment(0, s.Line, s.Column + (valueOffset - s.Offset)));
                    }
                    else
                    {
                        shifted.Add(new SourceMap.Segment(s.Offset - valueOffset, s.Line, s.Column));
                    }
                }

                entries.Add(new ConfEntry(section, key, value, pendingLine, pendingColumn, new SourceMap(shifted.ToImmutable())));
            }

            pending.Clear();
            segments.Clear();
        }
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                yield return text[start..end];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..].TrimEnd('\r');
        }
    }

    private static (string Line, int Indent) Trim(string raw)
    {
        var trimmedStart = raw.TrimStart();
        return (trimmedStart.TrimEnd(), raw.Length - trimmedStart.Length);
    }
}
