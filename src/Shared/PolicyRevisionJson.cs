using System.Collections.Immutable;
using System.Text.Json;
using ConfigResolver.Storage;

namespace ConfigResolver.Shared;

/// <summary>
/// How the SQL and document stores keep a policy revision's files: one JSON array <c>[{"path": ..., "text": ...}]</c>
/// in one column, so a revision is one row written in one statement. One source file, compiled into each store.
/// </summary>
internal static class PolicyRevisionJson
{
    public static string Serialize(ImmutableArray<PolicyRevisionFile> files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteString("text", file.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="InvalidDataException">The text is not an array of <c>{path, text}</c> objects.</exception>
    public static ImmutableArray<PolicyRevisionFile> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var files = ImmutableArray.CreateBuilder<PolicyRevisionFile>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                files.Add(new PolicyRevisionFile(
                    element.GetProperty("path").GetString() ?? throw new InvalidDataException("a policy revision file has no path"),
                    element.GetProperty("text").GetString() ?? throw new InvalidDataException("a policy revision file has no text")));
            }

            return files.ToImmutable();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException("a policy revision's files are not the JSON this version writes", e);
        }
    }
}
