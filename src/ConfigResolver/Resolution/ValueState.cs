namespace ConfigResolver.Resolution;

/// <summary>The state of a resolved value. Wire names: <c>set</c>, <c>disabled</c>, <c>absent</c>, <c>shared</c>.</summary>
public enum ValueState
{
    /// <summary>A layer set the value (inherited from a lower layer when <see cref="Provenance.Layer"/> is not <see cref="ConfigLayer.Org"/>).</summary>
    Set = 0,

    /// <summary>The value belongs to a provider that is disabled; lower layers' values are not used.</summary>
    Disabled = 1,

    /// <summary>No layer that may supply the value has it.</summary>
    Absent = 2,

    /// <summary>A secret the operator shares with the organization by explicit opt-in.</summary>
    Shared = 3,
}
