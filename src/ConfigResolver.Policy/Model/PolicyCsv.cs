using System.Collections.Immutable;
using System.Text;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Model;

/// <summary>
/// Reads Casbin policy CSV the way Go casbin's file adapter does: each line is trimmed; empty lines and lines
/// starting with <c>#</c> are skipped; each line is one CSV record (comma separated, leading spaces of a field
/// dropped, trailing spaces kept, double-quoted fields with <c>""</c> for a quote; a quote inside an unquoted
/// field is an error). The first field is the rule type.
/// </summary>
public static class PolicyCsv
{
    /// <summary>Parses policy text into lines, collecting every syntax problem.</summary>
    /// <param name="text">The policy text.</param>
    /// <param name="sourceName">Name used in diagnostics.</param>
    /// <param name="diagnostics">Receives syntax problems; lines with problems are left out of the result.</param>
    /// <returns>The well-formed lines in file order.</returns>
    public static ImmutableArray<PolicyLine> Parse(string text, string? sourceName, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = ImmutableArray.CreateBuilder<PolicyLine>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var trimmedStart = raw.TrimStart();
            var indent = raw.Length - trimmedStart.Length;
            var line = trimmedStart.TrimEnd();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = ReadRecord(line, out var errorAt, out var error);
            if (error is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.PolicySyntax, error, sourceName, lineNumber, indent + errorAt + 1));
                continue;
            }

            result.Add(new PolicyLine(fields[0], [.. fields.Skip(1)], lineNumber));
        }

        return result.ToImmutable();
    }

    /// <summary>Splits one record. Returns the fields, or sets <paramref name="error"/> and its offset.</summary>
    internal static List<string> ReadRecord(string line, out int errorAt, out string? error)
    {
        var fields = new List<string>();
        var i = 0;
        errorAt = 0;
        error = null;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                var start = i;
                i++;
                var sb = new StringBuilder();
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    sb.Append(line[i]);
                    i++;
                }

                if (!closed || (i < line.Length && line[i] != ','))
                {
                    errorAt = closed ? i : start;
                    error = "extraneous or missing '\"' in a quoted field; expected a closing quote followed by ',' or the end of the line.";
                    return fields;
                }

                fields.Add(sb.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                var field = end < 0 ? line[i..] : line[i..end];
                var quote = field.IndexOf('"', StringComparison.Ordinal);
                if (quote >= 0)
                {
                    errorAt = i + quote;
                    error = $"bare '\"' in an unquoted field '{field}'; expected the whole field in double quotes, with '\"\"' for a quote inside it.";
                    return fields;
                }

                fields.Add(field);
                i = end < 0 ? line.Length : end;
            }

            if (i >= line.Length)
            {
                return fields;
            }

            // line[i] is the separating comma.
            i++;
            if (i == line.Length)
            {
                fields.Add(string.Empty);
                return fields;
            }
        }
    }
}
