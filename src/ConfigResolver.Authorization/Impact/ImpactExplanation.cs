namespace ConfigResolver.Authorization.Impact;

/// <summary>The one line an impact report shows for what decided a decision.</summary>
internal static class ImpactExplanation
{
    /// <summary>
    /// For an allow: the allow rule and where it is written, else the grant's reasons (the role and the scope's origin).
    /// For a deny: the explanation's "why not" (the deny rule that fired, the missing membership, role or scope).
    /// A user's id in the text is replaced by the principal's name.
    /// </summary>
    public static string Because(Decision decision, ImpactPrincipal principal)
    {
        var explanation = decision.Explain();
        string text;
        if (explanation.Allowed)
        {
            text = explanation.Rules.FirstOrDefault(static r => r.Effect == "allow") is { } rule
                ? $"allow rule '{rule.Package}/{rule.Name}' ({rule.File}:{rule.Line}:{rule.Column})"
                : string.Join("; ", explanation.Reasons);
        }
        else
        {
            text = explanation.WhyNot ?? string.Join("; ", explanation.Reasons);
        }

        return principal.Principal.UserId is { } id && !principal.Principal.IsApiKey
            ? text.Replace($"user {id:D}", $"user {principal.Name}", StringComparison.Ordinal)
            : text;
    }
}
