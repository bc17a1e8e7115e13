using ConfigResolver.Configuration;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ConfigResolver.Validation;

/// <summary>Finds the line and column of a JSON pointer in a document parsed with line information.</summary>
internal sealed class JsonPositions
{
    private readonly JToken _root;

    private JsonPositions(JToken root) => _root = root;

    public JToken Root => _root;

    // System.Text.Json has already accepted the text (depth within the limit, numbers in range, no duplicates) before
    // this parse runs; the reader's own depth limit is raised to match, so only DocumentLimits decides.
    public static JsonPositions Parse(string json, int maxDepth)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { MaxDepth = maxDepth + 1, DateParseHandling = DateParseHandling.None };
        return new(JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }));
    }

    /// <summary>Returns the position of the deepest existing token along the pointer.</summary>
    public (int? Line, int? Column) Find(string pointer)
    {
        var token = _root;
        foreach (var segment in JsonPointer.Split(pointer))
        {
            JToken? next = token switch
            {
                JObject obj => obj.Property(segment)?.Value,
                JArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            token = next;
        }

        return token is IJsonLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (null, null);
    }
}
