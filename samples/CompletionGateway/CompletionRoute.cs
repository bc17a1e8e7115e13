namespace CompletionGateway;

/// <summary>Where a completion request for one provider would go: the resolved provider settings, without the key.</summary>
internal static class CompletionRoute
{
    public static IResult Describe(HttpContext context, string provider)
    {
        var config = context.GetTenantConfig();
        if (!config.TryGetProvider(provider, out var settings) || !settings.IsEnabled)
        {
            return Results.Problem(statusCode: 409, title: "Provider not enabled", detail: $"organization '{config.OrganizationSlug}' has not enabled '{provider}'.");
        }

        return Results.Json(new
        {
            org = config.OrganizationSlug,
            provider,
            base_url = settings.BaseUrl,
            model = settings.DefaultModel,
            api_key_set = settings.ApiKey is not null,
            revision = config.StoreRevision,
        });
    }
}
