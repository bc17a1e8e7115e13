namespace ConfigResolver.Policy.Model;

/// <summary>The five policy effects Casbin supports, recognised by their exact text.</summary>
public enum EffectKind
{
    /// <summary><c>some(where (p.eft == allow))</c>: allowed when any matching rule allows.</summary>
    AllowOverride,

    /// <summary><c>!some(where (p.eft == deny))</c>: allowed unless a matching rule denies (also with no rules).</summary>
    DenyOverride,

    /// <summary><c>some(where (p.eft == allow)) &amp;&amp; !some(where (p.eft == deny))</c>: an allow matches and no deny does.</summary>
    AllowAndDeny,

    /// <summary><c>priority(p.eft) || deny</c>: the first matching rule (in priority order) decides.</summary>
    Priority,

    /// <summary><c>subjectPriority(p.eft) || deny</c>: rules of more specific subjects decide first.</summary>
    SubjectPriority,
}
