using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.Shared;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ConfigResolver.Authorization.Loading;

internal static partial class YamlJsonReader
{
    /// <summary>The walk over parser events for one file: builds JSON nodes and records their positions.</summary>
    /// <remarks>
    /// Recursion follows the document's nesting, which is held to <c>maxDepth</c>: a deeper node is reported once and
    /// skipped by counting events, without recursion, so even 100,000 levels cannot exhaust the stack.
    /// </remarks>
    private sealed class ReadState(string file, string[] lines, int maxDepth, List<Diagnostic> found)
    {
        public Dictionary<string, NodePosition> Positions { get; } = new(StringComparer.Ordinal);

        /// <summary>The line of the last node the walk started, for errors the parser reports without a position.</summary>
        public int LastLine { get; private set; }

        /// <summary>The column of the last node the walk started.</summary>
        public int LastColumn { get; private set; }

        public JsonNode? ReadNode(IParser parser, string pointer, int keyLine, int keyColumn, int depth)
        {
            var current = parser.Current!;
            if (current is AnchorAlias alias)
            {
                found.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnsupportedYaml, $"aliases (*{alias.Value}) are not supported in policy files; write the value out.", file, (int)alias.Start.Line, (int)alias.Start.Column));
                parser.MoveNext();
                return null;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                found.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnsupportedYaml, $"anchors (&{anchored.Anchor.Value}) are not supported in policy files.", file, (int)anchored.Start.Line, (int)anchored.Start.Column));
            }

            var start = current.Start;
            (LastLine, LastColumn) = ((int)start.Line, (int)start.Column);
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    if (BoundedText.FindLoneSurrogate(scalar.Value) >= 0)
                    {
                        found.Add(new Diagnostic(AuthorizationDiagnosticCodes.InvalidText, "the value holds an escaped lone surrogate (\\uD800-\\uDFFF without its pair); text must be valid Unicode.", file, (int)start.Line, (int)start.Column) { Pointer = pointer });
                        return null;
                    }

                    var (textLine, textColumn) = TextStart(scalar);
                    Positions[pointer] = new NodePosition((int)start.Line, (int)start.Column, keyLine, keyColumn, textLine, textColumn);
                    return YamlScalars.ToJson(scalar.Value, scalar.Style);
                case SequenceStart or MappingStart when depth >= maxDepth:
                    found.Add(new Diagnostic(AuthorizationDiagnosticCodes.YamlTooDeep,
                        $"mappings and lists nest deeper than {maxDepth} levels (PolicyLoadingOptions.MaxYamlDepth).", file, (int)start.Line, (int)start.Column) { Pointer = pointer });
                    SkipNode(parser);
                    return null;
                case SequenceStart:
                    parser.MoveNext();
                    Positions[pointer] = new NodePosition((int)start.Line, (int)start.Column, keyLine, keyColumn, (int)start.Line, (int)start.Column);
                    var array = new JsonArray();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var itemStart = parser.Current!.Start;
                        array.Add(ReadNode(parser, $"{pointer}/{array.Count}", (int)itemStart.Line, (int)itemStart.Column, depth + 1));
                    }

                    return array;
                case MappingStart:
                    parser.MoveNext();
                    Positions[pointer] = new NodePosition((int)start.Line, (int)start.Column, keyLine, keyColumn, (int)start.Line, (int)start.Column);
                    return ReadMapping(parser, pointer, depth);
                default:
                    throw new YamlException(start, current.End, $"unexpected {current.GetType().Name}");
            }
        }

        /// <summary>Consumes one node and everything inside it, counting nesting instead of recursing.</summary>
        private static void SkipNode(IParser parser)
        {
            var open = 0;
            do
            {
                switch (parser.Current)
                {
                    case SequenceStart or MappingStart:
                        open++;
                        break;
                    case SequenceEnd or MappingEnd:
                        open--;
                        break;
                }

                parser.MoveNext();
            }
            while (open > 0);
        }

        private JsonObject ReadMapping(IParser parser, string pointer, int depth)
        {
            var result = new JsonObject();
            var keyPositions = new Dictionary<string, Mark>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is not Scalar key)
                {
                    var at = parser.Current!.Start;
                    found.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnsupportedYaml, "mapping keys must be plain names, not lists or mappings.", file, (int)at.Line, (int)at.Column));
                    ReadNode(parser, pointer + "/?", (int)at.Line, (int)at.Column, depth + 1);
                    ReadNode(parser, pointer + "/?", (int)at.Line, (int)at.Column, depth + 1);
                    continue;
                }

                parser.MoveNext();
                var childPointer = pointer + "/" + PositionMap.Escape(key.Value);
                if (keyPositions.TryGetValue(key.Value, out var first))
                {
                    found.Add(new Diagnostic(AuthorizationDiagnosticCodes.DuplicateKey, $"duplicate key '{key.Value}'; it was first defined at line {(int)first.Line}, column {(int)first.Column}.", file, (int)key.Start.Line, (int)key.Start.Column)
                    {
                        Pointer = childPointer,
                    });
                    ReadNode(parser, childPointer + "/~duplicate", (int)key.Start.Line, (int)key.Start.Column, depth + 1);
                    continue;
                }

                keyPositions[key.Value] = key.Start;
                result[key.Value] = ReadNode(parser, childPointer, (int)key.Start.Line, (int)key.Start.Column, depth + 1);
            }

            return result;
        }

        private (int Line, int Column) TextStart(Scalar scalar)
        {
            var start = scalar.Start;
            switch (scalar.Style)
            {
                case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                    return ((int)start.Line, (int)start.Column + 1);
                case ScalarStyle.Literal or ScalarStyle.Folded:
                    // Block scalar text starts on the next line, after its indentation.
                    var next = (int)start.Line;
                    while (next < lines.Length && lines[next].Trim().Length == 0)
                    {
                        next++;
                    }

                    if (next >= lines.Length)
                    {
                        return ((int)start.Line, (int)start.Column);
                    }

                    var text = lines[next];
                    return (next + 1, text.Length - text.TrimStart(' ').Length + 1);
                default:
                    return ((int)start.Line, (int)start.Column);
            }
        }
    }
}
