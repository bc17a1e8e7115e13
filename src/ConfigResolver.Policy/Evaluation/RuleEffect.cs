namespace ConfigResolver.Policy.Evaluation;

/// <summary>A rule's own effect, from its <c>eft</c> column: allow, deny, or anything else (indeterminate, skipped).</summary>
internal enum RuleEffect
{
    Allow,
    Deny,
    Indeterminate,
}
