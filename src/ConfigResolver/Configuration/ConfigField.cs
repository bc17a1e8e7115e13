using System.Collections.Immutable;

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

    /// <summary>Gets LAMB's other names for the field in a document (<c>server_url</c> for <c>url</c>); one object may use only one of them.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Gets whether an empty string in a document means "not set" (LAMB writes <c>""</c> for unset values).</summary>
    public bool EmptyIsUnset { get; init; }

    /// <summary>
    /// Gets whether an organization-scoped field is read from the environment for the system organization
    /// (LAMB's <c>SIGNUP_ENABLED</c> and <c>SIGNUP_SECRET_KEY</c>); other organizations never see those values.
    /// </summary>
    public bool SystemEnvironment { get; init; }

    /// <summary>Gets whether the environment layer may hold the field: layered fields and the system organization's ones.</summary>
    public bool FromEnvironment => Scope == FieldScope.Layered || SystemEnvironment;
}

/// <summary>
/// A section of the resolved view (<c>kb_server</c>, <c>limits/usage</c>) and where documents may write it: inside a
/// setup, at the top level (organization-wide, beneath every setup's own), and under a legacy setup name.
/// </summary>
/// <param name="Name">The resolved-view path, e.g. <c>kb_server</c> or <c>limits/usage</c>.</param>
/// <param name="Fields">The known fields.</param>
/// <param name="InSetups">Whether a setup may hold it.</param>
/// <param name="AtTopLevel">Whether the document's top level may hold it.</param>
/// <param name="IsOpen">Whether keys beyond the known fields are accepted (booleans, numbers, strings).</param>
internal sealed record ConfigSection(string Name, ImmutableArray<ConfigField> Fields, bool InSetups, bool AtTopLevel, bool IsOpen = false)
{
    /// <summary>Gets the legacy name a setup may use for the section (LAMB's <c>knowledge_base</c>), read beneath the others.</summary>
    public string? LegacySetupName { get; init; }

    /// <summary>Gets the section's document path segments (<c>limits</c>, <c>usage</c>).</summary>
    public ImmutableArray<string> Path { get; } = [.. Name.Split('/')];

    public string Pointer(string field) => "/" + Name + "/" + JsonPointer.Escape(field);

    public bool TryFind(string name, out ConfigField field)
    {
        foreach (var candidate in Fields)
        {
            if (candidate.Name == name)
            {
                field = candidate;
                return true;
            }
        }

        field = null!;
        return false;
    }
}
