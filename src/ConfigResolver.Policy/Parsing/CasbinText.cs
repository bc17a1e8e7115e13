using System.Text.RegularExpressions;

namespace ConfigResolver.Policy.Parsing;

/// <summary>Go casbin's text transformations on effects and matchers, reproduced where its decisions depend on them.</summary>
internal static partial class CasbinText
{
    /// <summary>Rewrites <c>r.</c>, <c>p2.</c> ... at a word boundary to <c>r_</c>, <c>p2_</c>, as casbin does before evaluating.</summary>
    public static string Escape(string text) => EscapeRegex().Replace(text, static m => m.Groups[1].Value + "_");

    /// <summary>Removes everything from the first <c>#</c> on, then trims.</summary>
    public static string RemoveComment(string text)
    {
        var at = text.IndexOf('#', StringComparison.Ordinal);
        return at < 0 ? text : text[..at].Trim();
    }

    /// <summary>Whether the text calls <c>eval(</c> at a word boundary.</summary>
    public static bool HasEval(string text) => EvalRegex().IsMatch(text);

    [GeneratedRegex(@"\b((r|p)[0-9]*)\.", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();

    [GeneratedRegex(@"\beval\(", RegexOptions.CultureInvariant)]
    private static partial Regex EvalRegex();
}
