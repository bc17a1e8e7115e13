namespace ConfigResolver.Storage;

/// <summary>The outcome of <see cref="IPolicyRevisionStoreWriter.PublishPolicyRevisionAsync"/>.</summary>
/// <param name="Revision">The current revision after the call: the new one, or the unchanged current one.</param>
/// <param name="Created">False when the draft's content equals the current revision's: nothing was written, no change was published.</param>
public sealed record PolicyPublishResult(PolicyRevision Revision, bool Created);
