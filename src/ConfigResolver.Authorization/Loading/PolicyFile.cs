namespace ConfigResolver.Authorization.Loading;

/// <summary>One file of a policy directory.</summary>
/// <param name="RelativePath">Its path under the directory, with <c>/</c> separators (<c>rules/org-status.yaml</c>, <c>orgs/acme/extra.yaml</c>).</param>
/// <param name="Text">Its text, or null when it could not be read (then <paramref name="Error"/> says why).</param>
/// <param name="Error">Why the file could not be read, or null.</param>
public sealed record PolicyFile(string RelativePath, string? Text, string? Error = null)
{
    /// <summary>Gets the diagnostic code of <see cref="Error"/> (<c>POL2020</c> when not set).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the 1-based line of <see cref="Error"/> in the file (an invalid byte), or 0.</summary>
    public int ErrorLine { get; init; }

    /// <summary>Gets the 1-based column of <see cref="Error"/> in the file, or 0.</summary>
    public int ErrorColumn { get; init; }
}
