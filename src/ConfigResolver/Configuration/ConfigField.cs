namespace ConfigResolver.Configuration;

/// <summary>Which layers a field resolves through.</summary>
internal enum FieldScope
{
    /// <summary>Organization, environment, system organization, built-in defaults.</summary>
    Layered = 0,

    /// <summary>Describes the organization itself: organization, then built-in defaults only.</summary>
    Organization = 1,
}

/// <summary>One leaf of the resolved view, for example <c>base_url</c> of a provider.</summary>
internal sealed record ConfigField(string Name, ConfigValueKind Kind, FieldScope Scope = FieldScope.Layered, bool IsUrl = false)
{
    public bool IsSecret => Kind == ConfigValueKind.Secret;
}
