using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

public sealed partial class TenantConfig
{
    private const string FeaturesPrefix = "/features/";

    /// <summary>Gets the library server (LAMB's Library Manager).</summary>
    public LibrarySettings Library { get; }

    /// <summary>Gets the setup's <c>global_default_model</c> when both its provider and model are set, else null.</summary>
    public ModelChoice? GlobalDefaultModel { get; }

    /// <summary>Gets the setup's <c>small_fast_model</c> when both its provider and model are set, else null.</summary>
    public ModelChoice? SmallFastModel { get; }

    /// <summary>Gets the usage limits (<c>limits.usage</c>).</summary>
    public UsageLimits UsageLimits { get; }

    /// <summary>Every provider a layer mentions, in the order the layers mention them: the organization's document, the environment, the system organization's document.</summary>
    internal ImmutableArray<string> ProviderOrder { get; }

    /// <summary>
    /// Returns whether a feature is on: true only when <c>features.{name}</c> resolves to the boolean <c>true</c>. A
    /// feature no layer sets, or one holding a number or text, is off (LAMB's <c>get_feature_flag</c> default).
    /// </summary>
    /// <param name="name">The feature name, for example <c>rag_enabled</c> or any key the organization's document adds.</param>
    /// <returns>True when the feature is on.</returns>
    /// <remarks>Allocates nothing for names up to 128 characters.</remarks>
    public bool GetFeature(string name) =>
        TryGetFeature(name, out var value) && value.Value is { Kind: ConfigValueKind.Boolean } flag && flag.AsBoolean();

    /// <summary>Finds a feature's resolved value with its provenance: a known switch (always present), or a key the organization's document adds.</summary>
    /// <param name="name">The feature name.</param>
    /// <param name="value">The value (boolean, number, text or, for <c>signup_key</c>, a secret) and where it came from.</param>
    /// <returns>True when the feature is part of the resolved view.</returns>
    public bool TryGetFeature(string name, [MaybeNullWhen(false)] out ResolvedValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 128 || name.Contains('/', StringComparison.Ordinal) || name.Contains('~', StringComparison.Ordinal))
        {
            return Values.TryGetValue(FeaturesPrefix + JsonPointer.Escape(name), out value);
        }

        Span<char> pointer = stackalloc char[FeaturesPrefix.Length + name.Length];
        FeaturesPrefix.CopyTo(pointer);
        name.CopyTo(pointer[FeaturesPrefix.Length..]);
        return Values.TryGetValue((ReadOnlySpan<char>)pointer, out value);
    }
}
