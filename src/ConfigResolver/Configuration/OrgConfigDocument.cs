using System.Collections.Immutable;
using System.Text.Json;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Configuration;

/// <summary>
/// A validated organization configuration document (see <c>schemas/org-config.schema.json</c>), pre-compiled
/// into one layer per setup so resolution never parses JSON.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. <see cref="ToString"/> renders the document with every
/// secret replaced by <c>[redacted]</c>; <see cref="RevealJson"/> returns the text a store persists.
/// Two documents are equal when their normalized (compact) JSON is equal.
/// </remarks>
public sealed partial class OrgConfigDocument : IEquatable<OrgConfigDocument>
{
    private readonly string _json;
    private readonly Dictionary<string, LayerValues> _layers;
    private readonly LayerValues _fallback;

    private OrgConfigDocument(JsonElement root)
    {
        Root = root.Clone();
        _json = Normalize(Root);
        _layers = DocumentLayers.Build(Root, out _fallback);
        SetupNames = DocumentLayers.SetupNames(Root);
        // LAMB writes "1.0"; both spellings are version 1.
        Version = DocumentLayers.Property(Root, "version") is { ValueKind: JsonValueKind.Number } version
            && version.TryGetInt32(out var number) ? number : 1;
        SignupEnabled = _fallback.TryGet(ConfigKeys.SignupEnabledPointer, out var enabled) && enabled.Value.AsBoolean();
        SignupKey = _fallback.TryGet(ConfigKeys.SignupKeyPointer, out var key) ? key.Value.AsSecret() : null;
        SignupKeyHash = SignupKey is null ? null : Configuration.SignupKeyHash.Compute(SignupKey.Reveal());
    }

    /// <summary>Gets the document <c>{"version":1}</c>: no setups, nothing shared; every value comes from lower layers.</summary>
    public static OrgConfigDocument Empty { get; } = FromStoredJson("{\"version\":1}");

    /// <summary>Gets the document format version: 1, written <c>1</c> or (as LAMB does) <c>"1.0"</c>.</summary>
    public int Version { get; }

    /// <summary>Gets the names of the setups the document defines, sorted ordinally.</summary>
    public ImmutableArray<string> SetupNames { get; }

    /// <summary>Gets whether <c>features.signup_enabled</c> is true.</summary>
    public bool SignupEnabled { get; }

    /// <summary>Gets <c>features.signup_key</c>, if set.</summary>
    public Secret? SignupKey { get; }

    /// <summary>Gets the hash stores index the signup key by, if a key is set.</summary>
    public SignupKeyHash? SignupKeyHash { get; }

    internal JsonElement Root { get; }

    private const int StoredMaxDepth = 1000;

    /// <summary>Validates and parses a document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="where">The subject diagnostics name, for example <c>org 'acme'</c>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="TenantValidationException">The document is invalid; every problem is in <see cref="Diagnostics.ConfigResolverException.Diagnostics"/>.</exception>
    public static OrgConfigDocument Parse(string json, string? where = null)
    {
        var result = OrgConfigValidator.Validate(json, where);
        return result.Document ?? throw new TenantValidationException(result.Diagnostics);
    }

    /// <summary>
    /// Reads a document a store persisted after it was validated on write. Only the JSON syntax is checked,
    /// so loading is fast and a later schema change cannot make stored data unreadable.
    /// </summary>
    /// <param name="json">The stored JSON text (from <see cref="RevealJson"/>).</param>
    /// <returns>The document.</returns>
    /// <exception cref="TenantValidationException">The text is not a JSON object.</exception>
    public static OrgConfigDocument FromStoredJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Stored documents passed the limits in force when they were written; a later, lower limit must not make them unreadable.
        var diagnostics = JsonSyntax.TryParse(json, where: null, maxDepth: StoredMaxDepth, out var document);
        if (document is null)
        {
            throw new TenantValidationException(diagnostics);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new TenantValidationException(
                [
                    Diagnostic.Mismatch(DiagnosticCodes.WrongType, string.Empty, "a JSON object", ValueDescriber.Describe(document.RootElement, string.Empty)),
                ]);
            }

            return new OrgConfigDocument(document.RootElement);
        }
    }

    /// <summary>Returns whether the document opts in to sharing the operator's API key for a provider.</summary>
    /// <param name="provider">The provider name, for example <c>openai</c>.</param>
    /// <returns>True when <c>/inheritance/providers/{provider}/share_api_key</c> is true.</returns>
    public bool SharesProviderApiKey(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var providers = DocumentLayers.Property(DocumentLayers.Property(Root, "inheritance"), ConfigKeys.Providers);
        return IsTrue(DocumentLayers.Property(DocumentLayers.Property(providers, provider), "share_api_key"));
    }

    /// <summary>Gets whether the document opts in to sharing the operator's knowledge-base server key.</summary>
    public bool SharesKbServerApiKey =>
        IsTrue(DocumentLayers.Property(DocumentLayers.Property(DocumentLayers.Property(Root, "inheritance"), ConfigKeys.KbServer), "share_api_key"));

    /// <summary>Gets whether the document opts in to sharing the operator's library server token.</summary>
    public bool SharesLibraryApiKey =>
        IsTrue(DocumentLayers.Property(DocumentLayers.Property(DocumentLayers.Property(Root, "inheritance"), ConfigKeys.Library), "share_api_key"));

    /// <summary>Returns the normalized JSON with secrets in plaintext: what a store persists.</summary>
    /// <returns>Compact JSON.</returns>
    public string RevealJson() => _json;

    /// <summary>Returns the document as JSON with every <c>api_key</c> and <c>signup_key</c> replaced by <c>[redacted]</c>.</summary>
    /// <param name="indented">Indent the output.</param>
    /// <returns>JSON text safe to show or log.</returns>
    public string ToRedactedJson(bool indented = false) => Redact(Root, indented);

    /// <summary>
    /// Returns the document in LAMB's shape (<c>"version": "1.0"</c>, setups with <c>name</c> and <c>is_default</c>, the
    /// default setup's knowledge-base server, assistant defaults and library as organization-wide sections when that
    /// changes no setup's values). Setting the result as a document resolves to the same values as this one.
    /// </summary>
    /// <param name="revealSecrets">Write keys in plaintext (needed to set the result back); otherwise <c>[redacted]</c>.</param>
    /// <param name="indented">Indent the output.</param>
    /// <returns>JSON text.</returns>
    public string ToLambJson(bool revealSecrets = false, bool indented = false)
    {
        using var document = JsonDocument.Parse(LambDocumentWriter.Write(Root).ToJsonString());
        return revealSecrets ? Format(document.RootElement, indented) : Redact(document.RootElement, indented);
    }

    /// <summary>Returns <see cref="ToRedactedJson"/>.</summary>
    /// <returns>The redacted JSON.</returns>
    public override string ToString() => ToRedactedJson();

    /// <inheritdoc/>
    public bool Equals(OrgConfigDocument? other) => other is not null && string.Equals(_json, other._json, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OrgConfigDocument);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_json);

    internal static OrgConfigDocument FromValidated(JsonElement root) => new(root);

    /// <summary>Returns whether the document defines a setup.</summary>
    internal bool HasSetup(string setup) => _layers.ContainsKey(setup);

    /// <summary>Returns the layer for a setup; a setup the document does not define falls back to <c>default</c>.</summary>
    internal LayerValues GetLayer(string setup) => _layers.TryGetValue(setup, out var layer) ? layer : _fallback;

    private static bool IsTrue(JsonElement element) => element.ValueKind == JsonValueKind.True;
}
