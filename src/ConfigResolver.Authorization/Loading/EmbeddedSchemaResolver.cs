using NJsonSchema;
using NJsonSchema.References;

namespace ConfigResolver.Authorization.Loading;

/// <summary>
/// Resolves <c>$ref</c>s between the embedded schemas (<c>policy-test.schema.json</c> → <c>org-config.schema.json</c>)
/// from the assemblies, by file name. Nothing is read from disk or the network: any other reference fails loudly.
/// </summary>
internal sealed class EmbeddedSchemaResolver : JsonReferenceResolver
{
    private readonly IReadOnlyDictionary<string, string> _schemas;

    private EmbeddedSchemaResolver(JsonSchemaAppender appender, IReadOnlyDictionary<string, string> schemas)
        : base(appender) => _schemas = schemas;

    /// <summary>Parses a schema whose external references name other embedded schemas.</summary>
    /// <param name="fileName">The schema's own file name, the base of its relative references.</param>
    /// <param name="text">Its text.</param>
    /// <param name="schemas">Every embedded schema by file name.</param>
    /// <returns>The schema with its references resolved.</returns>
    public static JsonSchema Parse(string fileName, string text, IReadOnlyDictionary<string, string> schemas) =>
        JsonSchema.FromJsonAsync(text, fileName, Factory(schemas), CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(filePath);
        return _schemas.TryGetValue(name, out var text)
            ? await JsonSchema.FromJsonAsync(text, name, Factory(_schemas), cancellationToken).ConfigureAwait(false)
            : throw new InvalidOperationException($"The schema references '{filePath}', which is not one of the embedded schemas.");
    }

    /// <inheritdoc />
    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"The schema references '{url}'; embedded schemas never reach the network.");

    private static Func<JsonSchema, JsonReferenceResolver> Factory(IReadOnlyDictionary<string, string> schemas) =>
        schema => new EmbeddedSchemaResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()), schemas);
}
