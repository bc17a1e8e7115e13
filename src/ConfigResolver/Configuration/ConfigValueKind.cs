namespace ConfigResolver.Configuration;

/// <summary>The type of a <see cref="ConfigValue"/>.</summary>
public enum ConfigValueKind
{
    /// <summary>Text, including URLs and model names.</summary>
    Text = 0,

    /// <summary>true or false.</summary>
    Boolean = 1,

    /// <summary>An ordered list of strings, for example a provider's models.</summary>
    StringList = 2,

    /// <summary>A <see cref="Configuration.Secret"/>; redacted in every rendering.</summary>
    Secret = 3,

    /// <summary>A number: a 64-bit integer (usage limits, where -1 means unlimited) or a finite double (open feature values).</summary>
    Number = 4,
}
