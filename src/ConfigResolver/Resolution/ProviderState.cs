namespace ConfigResolver.Resolution;

/// <summary>Whether a provider can be used.</summary>
public enum ProviderState
{
    /// <summary>No organization, environment or system layer mentions the provider.</summary>
    Absent = 0,

    /// <summary>The highest layer that decides says <c>enabled: false</c>; the provider is not used, whatever lower layers say.</summary>
    Disabled = 1,

    /// <summary>The provider is enabled (explicitly, or implicitly because the highest layer that mentions it configures it).</summary>
    Enabled = 2,
}
