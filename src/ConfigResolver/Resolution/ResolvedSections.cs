using System.Collections.Immutable;

namespace ConfigResolver.Resolution;

/// <summary>The sections a snapshot resolves besides providers, knowledge base, assistant defaults, features and metadata.</summary>
/// <param name="Library">The library server.</param>
/// <param name="GlobalDefaultModel">The setup's global default model, when both provider and model are set.</param>
/// <param name="SmallFastModel">The setup's small, fast model, when both provider and model are set.</param>
/// <param name="UsageLimits">The usage limits.</param>
/// <param name="ProviderOrder">Every provider a layer mentions, in the order the layers mention them (organization, environment, system).</param>
internal sealed record ResolvedSections(
    LibrarySettings Library,
    ModelChoice? GlobalDefaultModel,
    ModelChoice? SmallFastModel,
    UsageLimits UsageLimits,
    ImmutableArray<string> ProviderOrder);
