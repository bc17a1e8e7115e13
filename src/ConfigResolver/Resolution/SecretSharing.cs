using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Resolution;

/// <summary>
/// Decides which operator secrets (environment, system organization) an organization may use: those it opts in
/// to in its <c>inheritance</c> section, those <see cref="ResolverOptions"/> shares deployment-wide, and, for the
/// system organization itself, every environment secret (it is the operator's own organization).
/// </summary>
internal sealed class SecretSharing
{
    private readonly HashSet<string> _providers;
    private readonly bool _allProviders;
    private readonly bool _kbServer;
    private readonly bool _library;

    public SecretSharing(ResolverOptions options)
    {
        _providers = new HashSet<string>(options.SharedProviderApiKeys, StringComparer.Ordinal);
        _allProviders = _providers.Contains("*");
        _kbServer = options.ShareKbServerApiKey;
        _library = options.ShareLibraryApiKey;
    }

    public bool SharesProvider(Organization organization, string provider) =>
        organization.IsSystem || _allProviders || _providers.Contains(provider) || organization.Config.SharesProviderApiKey(provider);

    public bool SharesKbServer(Organization organization) =>
        organization.IsSystem || _kbServer || organization.Config.SharesKbServerApiKey;

    public bool SharesLibrary(Organization organization) =>
        organization.IsSystem || _library || organization.Config.SharesLibraryApiKey;

    /// <summary>The opt-in pointer for a provider's key, or for a section's (<c>kb_server</c> when none is named).</summary>
    public static string OptInPointer(string? provider, string? section = null) =>
        provider is null
            ? "/inheritance/" + (section ?? ConfigKeys.KbServer) + "/share_api_key"
            : "/inheritance/providers/" + JsonPointer.Escape(provider) + "/share_api_key";
}
