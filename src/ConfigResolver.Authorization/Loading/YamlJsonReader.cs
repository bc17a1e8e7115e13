using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.Shared;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ConfigResolver.Authorization.Loading;

/// <summary>
/// Stage 1 (Parse): reads YAML through YamlDotNet's parser events, so every node keeps its line and column, and
/// converts it to JSON for schema validation. Tabs in indentation and duplicate keys are reported with positions
/// (YamlDotNet's representation model would throw on the first duplicate and lose the rest); anchors, aliases and
/// several documents per file are refused to keep files readable by admins and by editors alike.
/// </summary>
internal static partial class YamlJsonReader
{
    /// <summary>Parses one file; problems go to <paramref name="diagnostics"/> and the result is null when there are any.</summary>
    public static YamlJsonDocument? Read(string text, string file, int maxDepth, ICollection<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        var lone = BoundedText.FindLoneSurrogate(text);
        if (lone >= 0)
        {
            var (line, column) = BoundedText.Position(text, lone);
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.InvalidText, $"a lone surrogate character U+{(int)text[lone]:X4}; the file must be valid Unicode text.", file, line, column));
            return null;
        }

        if (FlowNesting.FindTooDeep(text, maxDepth) is var (deepLine, deepColumn) && deepLine > 0)
        {
            // YamlDotNet's scanner slows down quadratically with flow nesting ([[[...): refuse before it runs.
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.YamlTooDeep,
                $"mappings and lists nest deeper than {maxDepth} levels (PolicyLoadingOptions.MaxYamlDepth).", file, deepLine, deepColumn));
            return null;
        }

        FindTabIndentation(text, file, found);
        if (found.Count > 0)
        {
            // A tab-indented file rarely parses into what was meant; report the tabs alone instead of a cascade.
            Add(diagnostics, found);
            return null;
        }

        var state = new ReadState(file, text.Split('\n'), maxDepth, found);
        JsonNode? root = null;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                var start = parser.Current!.Start;
                root = state.ReadNode(parser, string.Empty, (int)start.Line, (int)start.Column, 0);
                parser.Consume<DocumentEnd>();
                if (!parser.Accept<StreamEnd>(out _))
                {
                    var next = parser.Current!.Start;
                    found.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnsupportedYaml, "a policy file holds one YAML document; found a second one.", file, (int)next.Line, (int)next.Column));
                }
            }
        }
        catch (YamlException e)
        {
            found.Add(new Diagnostic(AuthorizationDiagnosticCodes.YamlSyntax, $"invalid YAML: {CleanMessage(e.Message)}", file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by fuzzing); report it at the last
            // node that was read rather than let the whole load crash.
            found.Add(new Diagnostic(AuthorizationDiagnosticCodes.YamlSyntax, "invalid YAML: the parser could not read past this point.", file,
                Math.Max(1, state.LastLine), Math.Max(1, state.LastColumn)));
        }

        Add(diagnostics, found);
        return found.Count > 0 ? null : new YamlJsonDocument(file, root, new PositionMap(state.Positions));
    }

    private static void FindTabIndentation(string text, string file, List<Diagnostic> found)
    {
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                indenting = true;
                continue;
            }

            if (indenting && c == '\t')
            {
                found.Add(new Diagnostic(AuthorizationDiagnosticCodes.TabIndentation, "tab character in indentation; YAML indents with spaces only.", file, line, column));
                indenting = false;
            }
            else if (c != ' ')
            {
                indenting = false;
            }

            column++;
        }
    }

    private static string CleanMessage(string message)
    {
        var cleaned = MarkPrefix().Replace(message, string.Empty).Trim();
        return cleaned.Length == 0 ? "the parser stopped here" : char.ToLowerInvariant(cleaned[0]) + cleaned[1..].TrimEnd('.') + ".";
    }

    private static void Add(ICollection<Diagnostic> diagnostics, List<Diagnostic> found)
    {
        foreach (var d in found)
        {
            diagnostics.Add(d);
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
