using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Parsing;

/// <summary>
/// Reads Casbin policy CSV the way Go casbin's file adapter does: each line is trimmed; empty lines and lines
/// starting with <c>#</c> are skipped; each line is one CSV record (comma separated, leading spaces of a field
/// dropped, trailing spaces kept, double-quoted fields with <c>""</c> for a quote; a quote inside an unquoted
/// field is an error). The first field is the rule type. Equal field values share one string instance.
/// </summary>
public static class PolicyCsv
{
    /// <summary>Parses policy text into lines, collecting every syntax problem.</summary>
    /// <param name="text">The policy text.</param>
    /// <param name="sourceName">Name used in diagnostics.</param>
    /// <param name="diagnostics">Receives syntax problems; lines with problems are left out of the result.</param>
    /// <returns>The well-formed lines in file order.</returns>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ImmutableArray<PolicyLine> Parse(string text, string? sourceName, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = ImmutableArray.CreateBuilder<PolicyLine>();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var fields = new List<string>();
        var lineNumber = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty || lineNumber == 0)
        {
            lineNumber++;
            var end = rest.IndexOf('\n');
            var raw = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            var trimmedStart = raw.TrimStart();
            var indent = raw.Length - trimmedStart.Length;
            var line = trimmedStart.TrimEnd();
            if (line.Length > 0 && line[0] != '#')
            {
                fields.Clear();
                if (ReadRecord(line, fields, pool, out var errorAt) is { } error)
                {
                    diagnostics.Add(new Diagnostic(PolicyDiagnosticCodes.PolicySyntax, error, sourceName, lineNumber, indent + errorAt + 1));
                }
                else
                {
                    var values = fields.Count > 1 ? new string[fields.Count - 1] : [];
                    fields.CopyTo(1, values, 0, values.Length);
                    result.Add(new PolicyLine(fields[0], ImmutableCollectionsMarshal.AsImmutableArray(values), lineNumber));
                }
            }

            if (end < 0)
            {
                break;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Splits one record into <paramref name="fields"/>; returns an error message (and its offset) or null.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static string? ReadRecord(ReadOnlySpan<char> line, List<string> fields, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, out int errorAt)
    {
        var i = 0;
        errorAt = 0;
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
                    return "extraneous or missing '\"' in a quoted field; expected a closing quote followed by ',' or the end of the line.";
                }

                fields.Add(Intern(pool, sb.ToString()));
            }
            else
            {
                var comma = line[i..].IndexOf(',');
                var field = comma < 0 ? line[i..] : line.Slice(i, comma);
                var quote = field.IndexOf('"');
                if (quote >= 0)
                {
                    errorAt = i + quote;
                    return $"bare '\"' in an unquoted field '{field}'; expected the whole field in double quotes, with '\"\"' for a quote inside it.";
                }

                fields.Add(Intern(pool, field));
                i = comma < 0 ? line.Length : i + comma;
            }

            if (i >= line.Length)
            {
                return null;
            }

            // line[i] is the separating comma.
            i++;
            if (i == line.Length)
            {
                fields.Add(string.Empty);
                return null;
            }
        }
    }

    private static string Intern(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, ReadOnlySpan<char> value)
    {
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var s = value.ToString();
        pool[s] = s;
        return s;
    }
}
