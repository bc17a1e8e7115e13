using System.Globalization;
using ConfigResolver.Authorization;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>Renders a <c>cfgr check</c> decision as text or JSON; the user is named by email rather than by id.</summary>
internal static class CheckRenderer
{
    /// <summary>Renders the decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="user">The user who asked.</param>
    /// <param name="explain">Whether to include the explanation.</param>
    /// <param name="json">Whether to print one JSON object.</param>
    /// <param name="color">Whether to colour the verdict (a terminal without NO_COLOR).</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Render(Decision decision, User user, bool explain, bool json, bool color = false) =>
        Render(decision, [user], explain, json, color);

    /// <summary>Renders the decision, naming any of <paramref name="users"/> by email where the explanation names them by id.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="users">The users the explanation may mention (the asking user, or the user an API key acts for).</param>
    /// <param name="explain">Whether to include the explanation.</param>
    /// <param name="json">Whether to print one JSON object.</param>
    /// <param name="color">Whether to colour the verdict (a terminal without NO_COLOR).</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Render(Decision decision, IReadOnlyList<User> users, bool explain, bool json, bool color = false)
    {
        var verdict = decision.Allowed ? "allow" : "deny";
        var explanation = explain ? decision.Explain() : null;
        string Named(string text) => users.Aggregate(text, static (t, user) => t
            .Replace($"user:{user.Id:D}", $"user:{user.Email}", StringComparison.Ordinal)
            .Replace($"user {user.Id:D}", $"user {user.Email}", StringComparison.Ordinal));

        if (json)
        {
            var body = new Dictionary<string, object?> { ["allowed"] = decision.Allowed, ["decision"] = verdict, ["revision"] = decision.Revision };
            if (explanation is not null)
            {
                body["reasons"] = explanation.Reasons.Select(Named).ToArray();
                body["why_not"] = explanation.WhyNot is null ? null : Named(explanation.WhyNot);
                body["rules"] = explanation.Rules.Select(static r => new { package = r.Package, name = r.Name, effect = r.Effect, file = r.File, line = r.Line, column = r.Column, reason = r.Reason }).ToArray();
                body["policy_lines"] = explanation.PolicyLines.Select(Named).ToArray();
            }

            yield return JsonOutput.Serialize(body);
            yield break;
        }

        yield return Colors.Verdict(verdict, decision.Allowed, color);
        if (explanation is null)
        {
            yield break;
        }

        if (explanation.WhyNot is { } whyNot)
        {
            yield return $"  why not: {Named(whyNot)}";
        }

        foreach (var reason in explanation.Reasons)
        {
            yield return $"  reason:  {Named(reason)}";
        }

        foreach (var rule in explanation.Rules)
        {
            yield return $"  rule:    {rule}";
        }

        foreach (var line in explanation.PolicyLines)
        {
            yield return $"  policy:  {Named(line)}";
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"  revision: {decision.Revision}");
    }
}
