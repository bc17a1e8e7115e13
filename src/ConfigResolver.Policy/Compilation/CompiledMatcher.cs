using ConfigResolver.Policy.Compilation.Expressions;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Policy.Compilation;

/// <summary>A matcher compiled for one enforce context, with the facts casbin derives from its text.</summary>
internal sealed class CompiledMatcher
{
    public CompiledMatcher(EnforceContext context, TokenDefinition request, TokenDefinition policy, EffectDefinition effect, MatcherDefinition matcher, Expr root, string? bindingError = null)
    {
        BindingError = bindingError;
        Context = context;
        Request = request;
        Policy = policy;
        Effect = effect;
        Matcher = matcher;
        Root = root;
        HasEval = CasbinText.HasEval(matcher.EscapedText);

        // Go casbin loops over the rules only when the matcher text mentions the policy ("p_" after escaping).
        MentionsPolicy = matcher.EscapedText.Contains(policy.Key + "_", StringComparison.Ordinal);
        EftIndex = policy.IndexOf("eft");
    }

    /// <summary>
    /// Set when the matcher calls functions nobody has registered yet: as in Go casbin and Casbin.NET the model
    /// loads (so that <c>AddFunction</c> can follow), and every check fails with this message until they are.
    /// </summary>
    public string? BindingError { get; }

    public EnforceContext Context { get; }

    public TokenDefinition Request { get; }

    public TokenDefinition Policy { get; }

    public EffectDefinition Effect { get; }

    public MatcherDefinition Matcher { get; }

    public Expr Root { get; }

    public bool HasEval { get; }

    public bool MentionsPolicy { get; }

    /// <summary>Index of the <c>eft</c> column in the policy definition, or -1 (every rule then allows).</summary>
    public int EftIndex { get; }
}
