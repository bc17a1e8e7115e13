namespace ConfigResolver.Validation;

/// <summary>The one URL rule: absolute, http or https, with a host.</summary>
internal static class UrlRules
{
    public const string Expectation = "an absolute http or https URL";

    public static bool IsHttpUrl(string? text) =>
        text is not null
        && !text.Any(char.IsWhiteSpace)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && text.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);
}
