namespace ConfigResolver.Resolution;

/// <summary>The wire names of resolution enums, as the JSON output and the CLI print them.</summary>
public static class ResolutionNames
{
    /// <summary>Returns <c>org</c>, <c>env</c>, <c>system</c>, <c>default</c>, or null for <see cref="ConfigLayer.None"/>.</summary>
    /// <param name="layer">The layer.</param>
    /// <returns>The wire name.</returns>
    public static string? ToName(ConfigLayer layer) => layer switch
    {
        ConfigLayer.Org => "org",
        ConfigLayer.Env => "env",
        ConfigLayer.System => "system",
        ConfigLayer.Default => "default",
        _ => null,
    };

    /// <summary>Returns <c>set</c>, <c>disabled</c>, <c>absent</c> or <c>shared</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The wire name.</returns>
    public static string ToName(ValueState state) => state switch
    {
        ValueState.Disabled => "disabled",
        ValueState.Absent => "absent",
        ValueState.Shared => "shared",
        _ => "set",
    };

    /// <summary>Returns <c>enabled</c>, <c>disabled</c> or <c>absent</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The wire name.</returns>
    public static string ToName(ProviderState state) => state switch
    {
        ProviderState.Enabled => "enabled",
        ProviderState.Disabled => "disabled",
        _ => "absent",
    };
}
