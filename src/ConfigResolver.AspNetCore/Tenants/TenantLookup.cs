using ConfigResolver.Resolution;

namespace ConfigResolver.AspNetCore;

/// <summary>What the strategies found for one request: nothing, a slug with no organization, or the resolved configuration.</summary>
internal sealed record TenantLookup(string? Slug, TenantConfig? Config)
{
    public static readonly TenantLookup NotIdentified = new(null, null);

    public bool IsUnknown => Slug is not null && Config is null;
}
