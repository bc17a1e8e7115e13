namespace ConfigResolver.Playground;

/// <summary>What the page sends: the working copy, and for a check the request.</summary>
/// <param name="Files">The working copy's files.</param>
/// <param name="Check">The check to answer, for <c>api/check</c>.</param>
internal sealed record PlaygroundRequest(IReadOnlyList<PlaygroundFile>? Files, PlaygroundCheck? Check);

/// <summary>One file of the working copy.</summary>
/// <param name="Path">Its relative path.</param>
/// <param name="Text">Its text.</param>
internal sealed record PlaygroundFile(string Path, string Text);

/// <summary>A check: who (an email or <c>apikey:&lt;id&gt;</c>), where, what, on what.</summary>
/// <param name="Principal">The principal's name.</param>
/// <param name="Org">The organization's slug.</param>
/// <param name="Action">The action.</param>
/// <param name="Resource">The resource, or null.</param>
internal sealed record PlaygroundCheck(string? Principal, string? Org, string? Action, string? Resource);
