using System.Globalization;
using System.Text;
using System.Text.Json;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

internal static partial class DocumentScanner
{
    private sealed class Walk(byte[] bytes, DocumentLimits limits, string? where)
    {
        private readonly List<Frame> _frames = [];
        private string? _name;

        public List<Diagnostic> Found { get; } = [];

        public void Run()
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 2 });
            while (reader.Read() && Found.Count < MaxReported)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        _name = CheckString(ref reader, isName: true);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var pointer = Enter(ref reader);
                        if (_frames.Count + 1 > limits.MaxDepth)
                        {
                            Stop(ref reader, DiagnosticCodes.NestingTooDeep, pointer, $"objects and arrays nested at most {limits.MaxDepth} deep", $"a level {_frames.Count + 1} deep");
                        }

                        var isArray = reader.TokenType == JsonTokenType.StartArray;
                        _frames.Add(new Frame(pointer, isArray, reader.TokenStartIndex, LimitFor(pointer, isArray)));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        _frames.RemoveAt(_frames.Count - 1);
                        break;
                    case JsonTokenType.String:
                        CheckString(ref reader, isName: false, Enter(ref reader));
                        break;
                    case JsonTokenType.Number:
                        CheckNumber(ref reader, Enter(ref reader));
                        break;
                    default:
                        Enter(ref reader);
                        break;
                }
            }
        }

        /// <summary>Counts a value into its container and returns its pointer.</summary>
        private string Enter(ref Utf8JsonReader reader)
        {
            if (_frames.Count == 0)
            {
                return string.Empty;
            }

            var parent = _frames[^1];
            parent.Count++;
            var segment = parent.IsArray ? (parent.Count - 1).ToString(CultureInfo.InvariantCulture) : SchemaEscape(_name ?? string.Empty);
            if (parent.Count > parent.Limit)
            {
                var (line, column) = Locate(parent.Offset);
                Found.Add(Diagnostic.Mismatch(DiagnosticCodes.TooManyEntries, parent.Pointer, $"at most {parent.Limit} {What(parent.Pointer)}", $"{parent.Limit + 1} or more") with
                {
                    Where = where,
                    Line = line,
                    Column = column,
                });
                throw new LimitExceededException();
            }

            return parent.Pointer + "/" + segment;
        }

        private string? CheckString(ref Utf8JsonReader reader, bool isName, string? pointer = null)
        {
            string? text = null;
            if (reader.ValueIsEscaped || reader.ValueSpan.Length > limits.MaxStringLength)
            {
                try
                {
                    text = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    Report(ref reader, DiagnosticCodes.InvalidText, pointer, "valid Unicode text", "an escaped lone surrogate (\\uD800-\\uDFFF without its pair)");
                    return null;
                }
            }

            text ??= reader.GetString();
            if (text!.Length > limits.MaxStringLength)
            {
                Report(ref reader, DiagnosticCodes.StringTooLong, pointer, $"{(isName ? "a property name" : "a string")} of at most {limits.MaxStringLength:N0} characters",
                    $"{text.Length:N0} characters");
                return null;
            }

            return text;
        }

        private void CheckNumber(ref Utf8JsonReader reader, string pointer)
        {
            var raw = reader.ValueSpan;
            var isInteger = raw.IndexOfAny("eE."u8) < 0;
            if (isInteger ? reader.TryGetInt64(out _) : reader.TryGetDouble(out var value) && double.IsFinite(value))
            {
                return;
            }

            var digits = raw.Length - (raw[0] == (byte)'-' ? 1 : 0);
            if (isInteger)
            {
                Report(ref reader, DiagnosticCodes.NumberOutOfRange, pointer, "an integer from -9223372036854775808 to 9223372036854775807", $"an integer of {digits:N0} digits");
            }
            else
            {
                Report(ref reader, DiagnosticCodes.NumberOutOfRange, pointer, "a number within the range of a double (about ±1.8e308)", $"a number of {raw.Length:N0} characters out of that range");
            }
        }

        private void Report(ref Utf8JsonReader reader, string code, string? pointer, string expected, string actual)
        {
            var (line, column) = Locate(reader.TokenStartIndex);
            Found.Add(Diagnostic.Mismatch(code, pointer ?? (_frames.Count == 0 ? string.Empty : _frames[^1].Pointer), expected, actual) with
            {
                Where = where,
                Line = line,
                Column = column,
            });
        }

        private void Stop(ref Utf8JsonReader reader, string code, string pointer, string expected, string actual)
        {
            Report(ref reader, code, pointer, expected, actual);
            throw new LimitExceededException();
        }

        private int LimitFor(string pointer, bool isArray)
        {
            var segments = pointer.Split('/');
            return segments switch
            {
                ["", "setups"] => limits.MaxSetups,
                ["", "setups", _, "providers"] or ["", "inheritance", "providers"] => limits.MaxProviders,
                ["", "setups", _, "providers", _, "models"] when isArray => limits.MaxModels,
                _ => limits.MaxEntries,
            };
        }

        private static string What(string pointer) => pointer.Split('/') switch
        {
            ["", "setups"] => "setups",
            ["", "setups", _, "providers"] or ["", "inheritance", "providers"] => "providers",
            ["", "setups", _, "providers", _, "models"] => "models",
            _ => "entries",
        };

        private (int Line, int Column) Locate(long offset)
        {
            var before = bytes.AsSpan(0, (int)offset);
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
        }

        private static string SchemaEscape(string name) =>
            name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }
}
