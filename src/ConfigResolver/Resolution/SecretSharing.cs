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

    public SecretSharing(ResolverOptions options)
    {
        _providers = new HashSet<string>(options.SharedProviderApiKeys, StringComparer.Ordinal);
        _allProviders = _providers.Contains("*");
        _kbServer = options.ShareKbServerApiKey;
    }

    public bool SharesProvider(Organization organization, string provider) =>
        organization.IsSystem || _allProviders || _providers.Contains(provider) || organization.Config.SharesProviderApiKey(provider);

    public bool SharesKbServer(Organization organization) =>
        organization.IsSystem || _kbServer || organization.Config.SharesKbServerApiKey;

    public static string OptInPointer(string? provider) =>
        provider is null ? "/inheritance/kb_server/share_api_key" : "/inheritance/providers/" + JsonPointer.Escape(provider) + "/share_api_key";
}
