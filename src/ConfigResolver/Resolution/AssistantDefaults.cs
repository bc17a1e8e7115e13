namespace ConfigResolver.Resolution;

/// <summary>The resolved defaults for new assistants.</summary>
public sealed class AssistantDefaults
{
    internal AssistantDefaults(string? promptTemplate, string? systemPrompt, string? defaultProvider, string? defaultModel, string? smallFastModel)
    {
        PromptTemplate = promptTemplate;
        SystemPrompt = systemPrompt;
        DefaultProvider = defaultProvider;
        DefaultModel = defaultModel;
        SmallFastModel = smallFastModel;
    }

    /// <summary>Gets the prompt template, or null.</summary>
    public string? PromptTemplate { get; }

    /// <summary>Gets the system prompt, or null.</summary>
    public string? SystemPrompt { get; }

    /// <summary>Gets the provider new assistants use, or null.</summary>
    public string? DefaultProvider { get; }

    /// <summary>Gets the model new assistants use, or null.</summary>
    public string? DefaultModel { get; }

    /// <summary>Gets the small, fast model for helper tasks (titles, query rewriting), or null.</summary>
    public string? SmallFastModel { get; }
}
