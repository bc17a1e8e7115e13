namespace ConfigResolver.Resolution;

/// <summary>Where a resolved value came from. Wire names in <see cref="ResolutionNames"/>: <c>org</c>, <c>env</c>, <c>system</c>, <c>default</c>.</summary>
public enum ConfigLayer
{
    /// <summary>No layer: the value is absent.</summary>
    None = 0,

    /// <summary>The organization's own configuration document.</summary>
    Org = 1,

    /// <summary>The environment (<c>IConfiguration</c>, environment variables by default).</summary>
    Env = 2,

    /// <summary>The system organization's configuration document.</summary>
    System = 3,

    /// <summary>The built-in defaults.</summary>
    Default = 4,
}
