namespace ConfigResolver.Routing;

/// <summary>Which rule of LAMB's model resolution produced (or refused) a completion candidate, in the order they are tried.</summary>
public enum CompletionStep
{
    /// <summary>1. The requested provider and model, when the provider lists the model.</summary>
    Requested = 1,

    /// <summary>2. The setup's <c>global_default_model</c>, when its provider lists the model.</summary>
    GlobalDefault = 2,

    /// <summary>3. For a requested provider: its <c>default_model</c> if listed, else its first model.</summary>
    ProviderDefault = 3,

    /// <summary>4. The enabled providers with models, in document order: each one's <c>default_model</c> if listed, else its first model.</summary>
    FirstAvailable = 4,

    /// <summary>A model of the team's model groups, in the groups' priority order (<see cref="TeamRouting"/>).</summary>
    TeamModelGroup = 5,
}
