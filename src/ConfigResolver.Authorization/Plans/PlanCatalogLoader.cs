using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Commerce;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using NJsonSchema;

namespace ConfigResolver.Authorization.Plans;

/// <summary>
/// Reads the plan catalog (<c>policies/plans.yaml</c>, <c>kind: Plans</c>) with the policy files' YAML reader, JSON Schema
/// (<c>schemas/plans.schema.json</c>) and positioned diagnostics. The shipped catalog is embedded.
/// </summary>
public static class PlanCatalogLoader
{
    /// <summary>The catalog's file name inside a policy directory.</summary>
    public const string FileName = "plans.yaml";

    private const int MaxDepth = 16;

    private static readonly Lazy<string> s_schemaText = new(() => Resource("ConfigResolver.Schemas.plans.schema.json"));
    private static readonly Lazy<JsonSchema> s_schema = new(() => EmbeddedSchemaResolver.Parse("plans.schema.json", s_schemaText.Value, new Dictionary<string, string>(StringComparer.Ordinal) { ["plans.schema.json"] = s_schemaText.Value }));
    private static readonly Lazy<string> s_shippedText = new(() => Resource("ConfigResolver.Policies.plans.yaml"));
    private static readonly Lazy<PlanCatalog> s_shipped = new(() => Load(s_shippedText.Value, "policies/" + FileName));

    /// <summary>Gets the shipped catalog (free, startup, professional, enterprise).</summary>
    public static PlanCatalog Shipped => s_shipped.Value;

    /// <summary>Gets the shipped catalog's text.</summary>
    public static string ShippedText => s_shippedText.Value;

    /// <summary>Reads a catalog.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name messages show.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="PolicyCompilationException">Every problem, with file, line and column.</exception>
    public static PlanCatalog Load(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var diagnostics = new List<Diagnostic>();
        var document = YamlJsonReader.Read(text, file, MaxDepth, diagnostics);
        var catalog = document is null ? null : Read(document, diagnostics);
        return catalog is not null && diagnostics.Count == 0 ? catalog : throw new PolicyCompilationException(diagnostics);
    }

    /// <summary>Validates a parsed catalog and builds it; problems are added to <paramref name="diagnostics"/>.</summary>
    internal static PlanCatalog? Read(YamlJsonDocument document, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        SchemaValidation.Validate(document, s_schema.Value, diagnostics);
        if (diagnostics.Count > before || document.Root is not JsonObject root || root["plans"] is not JsonObject plans)
        {
            return null;
        }

        var list = plans.Select(static p => ReadPlan(p.Key, (JsonObject)p.Value!)).ToList();
        var defaultPlan = (string)root["default"]!;
        if (!list.Any(p => p.Name == defaultPlan))
        {
            var at = document.Positions["/default"];
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnknownPlan, $"unknown default plan '{defaultPlan}'; expected one of {string.Join(", ", list.Select(static p => "'" + p.Name + "'"))}.", document.File, at.Line, at.Column) { Pointer = "/default" });
            return null;
        }

        return new PlanCatalog(list, defaultPlan);
    }

    private static PlanDefinition ReadPlan(string name, JsonObject plan)
    {
        var meters = plan["meters"] is JsonObject m
            ? m.ToImmutableSortedDictionary(static p => p.Key, static p => Count(p.Value), StringComparer.Ordinal)
            : ImmutableSortedDictionary.Create<string, long?>(StringComparer.Ordinal);
        var limits = new PlanLimits
        {
            Members = (int?)Count(plan["members"]),
            ApiKeys = (int?)Count(plan["api_keys"]),
            Teams = (int?)Count(plan["teams"]),
            ApiCallsPerMonth = Count(plan["api_calls_per_month"]),
            TokensPerMonth = Count(plan["tokens_per_month"]),
            StorageGb = Count(plan["storage_gb"]),
            CreditsPerMonth = Count(plan["credits_per_month"]),
            Features = plan["features"] is JsonArray features ? [.. features.Select(static f => (string)f!)] : [],
            Meters = meters,
        };
        return new PlanDefinition(name, limits) { DisplayName = plan["display_name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null };
    }

    private static long? Count(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var n) ? Math.Min(n, int.MaxValue) : null;

    private static string Resource(string name)
    {
        using var stream = typeof(PlanCatalogLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
