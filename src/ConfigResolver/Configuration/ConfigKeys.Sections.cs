using System.Collections.Immutable;

namespace ConfigResolver.Configuration;

internal static partial class ConfigKeys
{
    // Every field below is declared before the section that lists it and the sections before Sections: static
    // initializers run in textual order within this file, and nothing in the other part of the class refers to them.
    public const string Library = "library";
    public const string Limits = "limits";
    public const string GlobalDefaultModel = "global_default_model";
    public const string SmallFastModel = "small_fast_model";

    /// <summary>LAMB's legacy per-setup name for the knowledge-base server, read beneath <c>kb_server</c>.</summary>
    public const string KnowledgeBase = "knowledge_base";

    public static readonly ConfigField KbUrl = new("url", ConfigValueKind.Text, IsUrl: true) { Aliases = ["server_url"], EmptyIsUnset = true };
    public static readonly ConfigField KbApiKey = new("api_key", ConfigValueKind.Secret) { Aliases = ["api_token", "token"] };

    public static readonly ConfigField SignupEnabled = new("signup_enabled", ConfigValueKind.Boolean, FieldScope.Organization) { SystemEnvironment = true };
    public static readonly ConfigField SignupKey = new("signup_key", ConfigValueKind.Secret, FieldScope.Organization) { SystemEnvironment = true };
    public static readonly ConfigField Description = new("description", ConfigValueKind.Text, FieldScope.Organization);
    public static readonly ConfigField ContactEmail = new("contact_email", ConfigValueKind.Text, FieldScope.Organization);

    /// <summary>LAMB's feature switches besides signup: booleans, false unless set.</summary>
    public static readonly ImmutableArray<string> BooleanFeatures = ["dev_mode", "lti_publishing", "mcp_enabled", "rag_enabled", "sharing_enabled"];

    public static readonly ImmutableArray<ConfigField> KbServerFields = [KbUrl, KbApiKey];

    public static readonly ImmutableArray<ConfigField> AssistantFields =
    [
        new("prompt_template", ConfigValueKind.Text),
        new("system_prompt", ConfigValueKind.Text),
        new("default_provider", ConfigValueKind.Text) { Aliases = ["connector"] },
        new("default_model", ConfigValueKind.Text) { Aliases = ["llm"] },
        new("small_fast_model", ConfigValueKind.Text),
        new("prompt_processor", ConfigValueKind.Text),
        new("rag_processor", ConfigValueKind.Text),
        new("rag_placeholders", ConfigValueKind.StringList),
        new("lamb_helper_assistant", ConfigValueKind.Text),
        new("surfer_system_prompt", ConfigValueKind.Text),
        new("boring_system_prompt", ConfigValueKind.Text),
        new("surfer_prompt_template", ConfigValueKind.Text),
        new("boring_prompt_template", ConfigValueKind.Text),
    ];

    public static readonly ImmutableArray<ConfigField> ModelChoiceFields =
    [
        new("provider", ConfigValueKind.Text) { EmptyIsUnset = true },
        new("model", ConfigValueKind.Text) { EmptyIsUnset = true },
    ];

    public static readonly ImmutableArray<ConfigField> UsageLimitFields =
    [
        new("tokens_per_month", ConfigValueKind.Number),
        new("max_assistants", ConfigValueKind.Number),
        new("max_assistants_per_user", ConfigValueKind.Number),
        new("storage_gb", ConfigValueKind.Number),
    ];

    public static readonly ImmutableArray<ConfigField> FeatureFields =
    [
        SignupEnabled,
        SignupKey,
        .. BooleanFeatures.Select(static name => new ConfigField(name, ConfigValueKind.Boolean, FieldScope.Organization)),
    ];

    public static readonly ImmutableArray<ConfigField> MetadataFields = [Description, ContactEmail];

    public static readonly ConfigSection KbServerSection = new(KbServer, KbServerFields, InSetups: true, AtTopLevel: true) { LegacySetupName = KnowledgeBase };
    public static readonly ConfigSection LibrarySection = new(Library, KbServerFields, InSetups: true, AtTopLevel: true);
    public static readonly ConfigSection AssistantSection = new(AssistantDefaults, AssistantFields, InSetups: true, AtTopLevel: true);
    public static readonly ConfigSection GlobalDefaultModelSection = new(GlobalDefaultModel, ModelChoiceFields, InSetups: true, AtTopLevel: false);
    public static readonly ConfigSection SmallFastModelSection = new(SmallFastModel, ModelChoiceFields, InSetups: true, AtTopLevel: false);
    public static readonly ConfigSection UsageLimitsSection = new(Limits + "/usage", UsageLimitFields, InSetups: false, AtTopLevel: true);
    public static readonly ConfigSection FeaturesSection = new(Features, FeatureFields, InSetups: false, AtTopLevel: true, IsOpen: true);
    public static readonly ConfigSection MetadataSection = new(Metadata, MetadataFields, InSetups: false, AtTopLevel: true, IsOpen: true);

    /// <summary>Every section of the resolved view besides providers, in the order snapshots resolve them.</summary>
    public static readonly ImmutableArray<ConfigSection> Sections =
    [
        KbServerSection,
        LibrarySection,
        AssistantSection,
        GlobalDefaultModelSection,
        SmallFastModelSection,
        UsageLimitsSection,
        FeaturesSection,
        MetadataSection,
    ];

    public static readonly string SignupEnabledPointer = "/features/signup_enabled";
    public static readonly string SignupKeyPointer = "/features/signup_key";

    /// <summary>Whether a key of an open section (features, metadata) is a name extra keys may use: 1-64 letters, digits, '_' or '-'.</summary>
    public static bool IsOpenKey(string name)
    {
        if (name.Length is 0 or > 64 || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
