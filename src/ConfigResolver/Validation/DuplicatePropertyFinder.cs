using System.Text;
using System.Text.Json;
using ConfigResolver.Configuration;

namespace ConfigResolver.Validation;

/// <summary>
/// Locates the first duplicate property in a JSON text. System.Text.Json rejects duplicates without a position,
/// so this second pass supplies the line, column and pointer for the diagnostic.
/// </summary>
internal static class DuplicatePropertyFinder
{
    public static bool TryFind(string json, out int line, out int column, out string pointer)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new Stack<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        var frame = frames.Peek();
                        if (!frame.Names!.Add(property))
                        {
                            (line, column) = Position(bytes, (int)reader.TokenStartIndex);
                            pointer = JsonPointer.Combine(frame.Pointer, property);
                            return true;
                        }

                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var child = frames.Count == 0 ? string.Empty : ChildPointer(frames.Peek(), property);
                        frames.Push(new Frame(child, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        if (frames.Count > 0 && frames.Peek().Names is null)
                        {
                            frames.Peek().Index++;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Any other syntax error is reported by the caller with System.Text.Json's own position.
        }

        (line, column, pointer) = (1, 1, string.Empty);
        return false;
    }

    private static string ChildPointer(Frame parent, string? property)
    {
        if (parent.Names is not null)
        {
            return JsonPointer.Combine(parent.Pointer, property ?? string.Empty);
        }

        return parent.Pointer + "/" + parent.Index++;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private sealed class Frame(string pointer, HashSet<string>? names)
    {
        public string Pointer { get; } = pointer;

        public HashSet<string>? Names { get; } = names;

        public int Index { get; set; }
    }
}
