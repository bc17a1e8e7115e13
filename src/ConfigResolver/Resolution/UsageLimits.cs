namespace ConfigResolver.Resolution;

/// <summary>
/// The organization's usage limits (<c>limits.usage</c>): each is null when no layer sets it, <see cref="Unlimited"/>
/// (-1) when explicitly unlimited, else a non-negative bound. Provenance per value is in <see cref="TenantConfig.Values"/>
/// under <c>/limits/usage/{name}</c>.
/// </summary>
/// <remarks>Immutable. Resolution only reports the limits; enforcing them is the caller's job.</remarks>
public sealed class UsageLimits
{
    /// <summary>The value that means "no limit".</summary>
    public const long Unlimited = -1;

    internal UsageLimits(long? tokensPerMonth, long? maxAssistants, long? maxAssistantsPerUser, long? storageGb)
    {
        TokensPerMonth = tokensPerMonth;
        MaxAssistants = maxAssistants;
        MaxAssistantsPerUser = maxAssistantsPerUser;
        StorageGb = storageGb;
    }

    /// <summary>Gets the tokens the organization may use per month, <see cref="Unlimited"/>, or null.</summary>
    public long? TokensPerMonth { get; }

    /// <summary>Gets the most assistants the organization may have, <see cref="Unlimited"/>, or null.</summary>
    public long? MaxAssistants { get; }

    /// <summary>Gets the most assistants one user may have, <see cref="Unlimited"/>, or null.</summary>
    public long? MaxAssistantsPerUser { get; }

    /// <summary>Gets the storage the organization may use in GB, <see cref="Unlimited"/>, or null.</summary>
    public long? StorageGb { get; }

    /// <summary>Renders the limits, <c>unlimited</c> for -1 and <c>(none)</c> when not set.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() =>
        $"limits.usage: tokens_per_month {Show(TokensPerMonth)}, max_assistants {Show(MaxAssistants)}, max_assistants_per_user {Show(MaxAssistantsPerUser)}, storage_gb {Show(StorageGb)}";

    private static string Show(long? value) => value switch
    {
        null => "(none)",
        Unlimited => "unlimited",
        _ => value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
