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
        Same(model.RequestDefinitions, builtIn.RequestDefinitions, static d => string.Join(',', d.Tokens))
        && Same(model.PolicyDefinitions, builtIn.PolicyDefinitions, static d => string.Join(',', d.Tokens))
        && Same(model.RoleDefinitions, builtIn.RoleDefinitions, static d => d.Text)
        && Same(model.Effects, builtIn.Effects, static d => d.Text)
        && Same(model.Matchers, builtIn.Matchers, static d => d.Text);

    private static bool Same<T>(FrozenDictionary<string, T> left, FrozenDictionary<string, T> right, Func<T, string> text) =>
        left.Count == right.Count && left.All(l => right.TryGetValue(l.Key, out var r) && Normalize(text(l.Value)) == Normalize(text(r)));

    private static string Normalize(string text) => string.Concat(text.Where(static c => !char.IsWhiteSpace(c)));
}
