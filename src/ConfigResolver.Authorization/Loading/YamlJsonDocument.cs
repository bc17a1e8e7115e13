using System.Text.Json.Nodes;

namespace ConfigResolver.Authorization.Loading;

/// <summary>A YAML file converted to JSON, with the position of every node by pointer.</summary>
/// <param name="File">The file as named in diagnostics.</param>
/// <param name="Root">The document's root value (null for an empty file).</param>
/// <param name="Positions">Pointer to position.</param>
internal sealed record YamlJsonDocument(string File, JsonNode? Root, PositionMap Positions);
