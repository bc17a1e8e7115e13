namespace ConfigResolver.Authorization;

/// <summary>A rule that took part in a decision, and where it is written.</summary>
/// <param name="Package">The rule's package (<c>acme/extra</c> for an overlay of organization <c>acme</c>).</param>
/// <param name="Name">The rule's name.</param>
/// <param name="Effect"><c>allow</c> or <c>deny</c>.</param>
/// <param name="File">The file, as named in diagnostics.</param>
/// <param name="Line">One-based line of the rule's name.</param>
/// <param name="Column">One-based column of the rule's name.</param>
/// <param name="Reason">The rendered reason, or null when the rule has none.</param>
public sealed record DecidingRule(string Package, string Name, string Effect, string File, int Line, int Column, string? Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Effect} rule '{Name}' of package '{Package}' ({File}:{Line}:{Column})";
}
