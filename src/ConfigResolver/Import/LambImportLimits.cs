namespace ConfigResolver.Import;

/// <summary>
/// Bounds on what an import reads from a LAMB database, so that a huge or hostile file cannot exhaust memory. A table
/// with more rows is refused (<c>IMP5006</c>) before anything is imported; a document larger than
/// <see cref="Validation.DocumentLimits.MaxDocumentBytes"/> is not read and that organization is rejected (<c>CFG1040</c>).
/// </summary>
public static class LambImportLimits
{
    /// <summary>The most organizations read: 100,000.</summary>
    public const int MaxOrganizations = 100_000;

    /// <summary>The most users read: 1,000,000.</summary>
    public const int MaxUsers = 1_000_000;

    /// <summary>The most roles read: 1,000,000.</summary>
    public const int MaxRoles = 1_000_000;
}
