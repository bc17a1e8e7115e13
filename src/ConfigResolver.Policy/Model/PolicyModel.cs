using System.Collections.Frozen;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Policy.Model;

/// <summary>
/// A parsed Casbin model (<c>.conf</c>): request, policy and role definitions, effects and matchers, each possibly
/// numbered (<c>r2</c>, <c>p2</c>, <c>g2</c>, <c>e2</c>, <c>m2</c>) for use with an enforce context.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed partial class PolicyModel
{
    internal PolicyModel(
        string? sourceName,
        string text,
        FrozenDictionary<string, TokenDefinition> requests,
        FrozenDictionary<string, TokenDefinition> policies,
        FrozenDictionary<string, RoleDefinition> roles,
        FrozenDictionary<string, EffectDefinition> effects,
        FrozenDictionary<string, MatcherDefinition> matchers)
    {
        SourceName = sourceName;
        Text = text;
        RequestDefinitions = requests;
        PolicyDefinitions = policies;
        RoleDefinitions = roles;
        Effects = effects;
        Matchers = matchers;
    }

    /// <summary>The file or source name the model came from, used in diagnostics.</summary>
    public string? SourceName { get; }

    /// <summary>The model text as given.</summary>
    public string Text { get; }

    /// <summary>Request definitions by key (<c>r</c>, <c>r2</c>, ...).</summary>
    public FrozenDictionary<string, TokenDefinition> RequestDefinitions { get; }

    /// <summary>Policy definitions by key (<c>p</c>, <c>p2</c>, ...).</summary>
    public FrozenDictionary<string, TokenDefinition> PolicyDefinitions { get; }

    /// <summary>Role definitions by key (<c>g</c>, <c>g2</c>, ...); empty for models without roles.</summary>
    public FrozenDictionary<string, RoleDefinition> RoleDefinitions { get; }

    /// <summary>Effects by key (<c>e</c>, <c>e2</c>, ...).</summary>
    public FrozenDictionary<string, EffectDefinition> Effects { get; }

    /// <summary>Matchers by key (<c>m</c>, <c>m2</c>, ...).</summary>
    public FrozenDictionary<string, MatcherDefinition> Matchers { get; }

    /// <summary>Reads and parses a model file.</summary>
    /// <param name="path">Path of the <c>.conf</c> file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="PolicyCompilationException">
    /// The model is malformed, or the file cannot be read (missing, not a regular file, over 4 MiB, not UTF-8); the diagnostics say where.
    /// </exception>
    public static PolicyModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(SourceFile.Read(path), path);
    }

    /// <summary>Parses model text.</summary>
    /// <param name="text">The model in Casbin's <c>.conf</c> syntax.</param>
    /// <param name="sourceName">Name used in diagnostics (a file path, say).</param>
    /// <returns>The model.</returns>
    /// <exception cref="PolicyCompilationException">The model is malformed; every problem is listed.</exception>
    public static PolicyModel Parse(string text, string? sourceName = null)
    {
        var diagnostics = new List<Diagnostic>();
        var model = ModelParser.Parse(text, sourceName, diagnostics);
        return diagnostics.Count > 0 ? throw new PolicyCompilationException(diagnostics) : model;
    }
}
