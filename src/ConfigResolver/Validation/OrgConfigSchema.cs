using NJsonSchema;

namespace ConfigResolver.Validation;

/// <summary>The organization configuration JSON Schema (draft-07), embedded from <c>schemas/org-config.schema.json</c>.</summary>
public static class OrgConfigSchema
{
    /// <summary>The manifest resource name of the embedded schema.</summary>
    public const string ResourceName = "ConfigResolver.Schemas.org-config.schema.json";

    private static readonly Lazy<string> s_text = new(ReadText);

    // FromJsonAsync only resolves references inside the document (no I/O), so waiting on it once is safe.
    private static readonly Lazy<JsonSchema> s_schema = new(() => JsonSchema.FromJsonAsync(s_text.Value).GetAwaiter().GetResult());

    /// <summary>Gets the schema text.</summary>
    public static string Text => s_text.Value;

    internal static JsonSchema Schema => s_schema.Value;

    private static string ReadText()
    {
        using var stream = typeof(OrgConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
