namespace ConfigResolver.Resolution;

/// <summary>Descriptive metadata from the organization's document. Organization-scoped: never inherited.</summary>
public sealed class MetadataSettings
{
    internal MetadataSettings(string? description, string? contactEmail)
    {
        Description = description;
        ContactEmail = contactEmail;
    }

    /// <summary>Gets the description, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets the contact email, or null.</summary>
    public string? ContactEmail { get; }
}
