using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Policy.Model;

/// <summary>A matcher such as <c>m = g(r.sub, p.sub) &amp;&amp; r.obj == p.obj</c>.</summary>
/// <param name="Key">The key: <c>m</c>, <c>m2</c>, ...</param>
/// <param name="Text">The expression as written, continuations joined and comments removed.</param>
/// <param name="Map">Where each character of the expression is in the model file.</param>
public sealed record MatcherDefinition(string Key, string Text, SourceMap Map)
{
    /// <summary>
    /// The text after Go casbin's escaping (<c>r.sub</c> written <c>r_sub</c>). Casbin decides a few things
    /// by looking at this text (whether the matcher mentions the policy at all, the automatic keyMatch domain
    /// matching), so the engine looks at it too.
    /// </summary>
    public string EscapedText { get; } = CasbinText.Escape(Text);
}
