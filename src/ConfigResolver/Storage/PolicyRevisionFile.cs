namespace ConfigResolver.Storage;

/// <summary>One file of a stored policy revision.</summary>
/// <param name="Path">Its path under the policy directory, with <c>/</c> separators (<c>roles.yaml</c>, <c>rules/org-status.yaml</c>).</param>
/// <param name="Text">Its text.</param>
public sealed record PolicyRevisionFile(string Path, string Text);
