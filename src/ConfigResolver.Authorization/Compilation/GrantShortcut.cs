using System.Collections.Frozen;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// Decides, once per compiled policy, whether a role grant can be answered by a lookup in the compiled grants table
/// instead of an engine evaluation. It can when the model is the shipped RBAC-with-domains model (same request, policy
/// and role definitions, effect and matcher): then the policy lines are exactly each role's expanded grants on domain
/// <c>*</c>, and the only role links are memberships (one role per member and organization), so
/// <c>g(user, role, org) ∧ p(role, *, obj, act)</c> holds exactly when the member's role grants <c>obj:act</c>.
/// Any other model (a <c>model.conf</c> an admin changed) keeps the engine evaluation.
/// </summary>
internal static class GrantShortcut
{
    public static bool Applies(PolicyModel model, PolicyModel builtIn) =>
        SameTokens(model.RequestDefinitions, builtIn.RequestDefinitions)
        && SameTokens(model.PolicyDefinitions, builtIn.PolicyDefinitions)
        && SameTexts(model.RoleDefinitions.ToDictionary(static d => d.Key, static d => d.Value.Text), builtIn.RoleDefinitions.ToDictionary(static d => d.Key, static d => d.Value.Text))
        && SameTexts(model.Effects.ToDictionary(static d => d.Key, static d => d.Value.Text), builtIn.Effects.ToDictionary(static d => d.Key, static d => d.Value.Text))
        && SameTexts(model.Matchers.ToDictionary(static d => d.Key, static d => d.Value.Text), builtIn.Matchers.ToDictionary(static d => d.Key, static d => d.Value.Text));

    private static bool SameTokens(FrozenDictionary<string, TokenDefinition> left, FrozenDictionary<string, TokenDefinition> right) =>
        left.Count == right.Count && left.All(l => right.TryGetValue(l.Key, out var r) && l.Value.Tokens.SequenceEqual(r.Tokens, StringComparer.Ordinal));

    private static bool SameTexts(Dictionary<string, string> left, Dictionary<string, string> right) =>
        left.Count == right.Count && left.All(l => right.TryGetValue(l.Key, out var r) && Normalize(l.Value) == Normalize(r));

    private static string Normalize(string text) => string.Concat(text.Where(static c => !char.IsWhiteSpace(c)));
}
