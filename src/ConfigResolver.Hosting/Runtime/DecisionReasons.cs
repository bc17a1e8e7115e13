using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary>
/// A stable reason code for a decision, for machines (HTTP responses, metrics), beside the explanation's prose:
/// <c>allowed</c>, <c>unknown_organization</c>, <c>api_key_other_organization</c>, <c>missing_scope</c>,
/// <c>denied_by_rule</c>, <c>undeclared_action</c>, <c>not_a_member</c>, <c>missing_role</c>, else <c>not_granted</c>.
/// </summary>
internal static class DecisionReasons
{
    public const string Allowed = "allowed";

    /// <summary>The code and, for a denial, the explanation it came from (computed on demand: a denial re-runs the check with a trace).</summary>
    public static (string Code, DecisionExplanation? Explanation) Of(Decision decision)
    {
        if (decision.Allowed)
        {
            return (Allowed, null);
        }

        var explanation = decision.Explain();
        return (Classify(explanation), explanation);
    }

    public static string Classify(DecisionExplanation explanation)
    {
        if (explanation.Allowed)
        {
            return Allowed;
        }

        if (explanation.Rules.Any(static r => r.Effect == "deny"))
        {
            return "denied_by_rule";
        }

        var whyNot = explanation.WhyNot ?? string.Empty;
        return whyNot switch
        {
            _ when whyNot.StartsWith("there is no organization", StringComparison.Ordinal) => "unknown_organization",
            _ when whyNot.StartsWith("the API key belongs to", StringComparison.Ordinal) => "api_key_other_organization",
            _ when whyNot.StartsWith("missing API-key scope", StringComparison.Ordinal) => "missing_scope",
            _ when whyNot.StartsWith("deny rule", StringComparison.Ordinal) => "denied_by_rule",
            _ when whyNot.StartsWith("no role can grant", StringComparison.Ordinal) => "undeclared_action",
            _ when whyNot.StartsWith("missing membership", StringComparison.Ordinal) => "not_a_member",
            _ when whyNot.StartsWith("missing role", StringComparison.Ordinal) => "missing_role",
            _ => "not_granted",
        };
    }
}
