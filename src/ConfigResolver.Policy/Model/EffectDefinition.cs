using System.Collections.Frozen;

namespace ConfigResolver.Policy.Model;

/// <summary>A <c>[policy_effect]</c> entry such as <c>e = some(where (p.eft == allow))</c>.</summary>
/// <param name="Key">The key, <c>e</c>, <c>e2</c>, ...</param>
/// <param name="Text">The effect as written (comment removed).</param>
/// <param name="Kind">The effect it denotes.</param>
public sealed record EffectDefinition(string Key, string Text, EffectKind Kind)
{
    // Go casbin compares the effect text, after `p.` becomes `p_`, with these exact strings.
    private static readonly FrozenDictionary<string, EffectKind> s_known = new Dictionary<string, EffectKind>(StringComparer.Ordinal)
    {
        ["some(where (p_eft == allow))"] = EffectKind.AllowOverride,
        ["!some(where (p_eft == deny))"] = EffectKind.DenyOverride,
        ["some(where (p_eft == allow)) && !some(where (p_eft == deny))"] = EffectKind.AllowAndDeny,
        ["priority(p_eft) || deny"] = EffectKind.Priority,
        ["subjectPriority(p_eft) || deny"] = EffectKind.SubjectPriority,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The accepted effect expressions, as they are usually written.</summary>
    public static IReadOnlyList<string> AcceptedForms { get; } =
    [
        "some(where (p.eft == allow))",
        "!some(where (p.eft == deny))",
        "some(where (p.eft == allow)) && !some(where (p.eft == deny))",
        "priority(p.eft) || deny",
        "subjectPriority(p.eft) || deny",
    ];

    /// <summary>Recognises an effect expression.</summary>
    /// <param name="escapedText">The text after Casbin's escaping (<c>p.eft</c> written as <c>p_eft</c>).</param>
    /// <param name="kind">The effect, when recognised.</param>
    /// <returns><see langword="true"/> when the text is one of the five supported effects.</returns>
    internal static bool TryRecognize(string escapedText, out EffectKind kind) => s_known.TryGetValue(escapedText, out kind);
}
