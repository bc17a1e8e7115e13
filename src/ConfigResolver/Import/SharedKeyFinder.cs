using System.Collections.Immutable;
using System.Text.Json;
using ConfigResolver.Configuration;

namespace ConfigResolver.Import;

/// <summary>
/// Finds imported organizations whose provider keys equal one of the system organization's (LAMB copies the operator's
/// keys into every organization it creates). Keys are compared in constant time and never reported.
/// </summary>
internal static class SharedKeyFinder
{
    public static ImmutableArray<SharedOperatorKey> Find(ImportRun run)
    {
        var lambSystem = run.Organizations.Values.FirstOrDefault(static o => o.IsSystem)?.Document;
        var systemKeys = ProviderKeys(lambSystem ?? run.System.Config).ToList();
        if (systemKeys.Count == 0)
        {
            return [];
        }

        var found = ImmutableArray.CreateBuilder<SharedOperatorKey>();
        foreach (var organization in run.Organizations.Values.OrderBy(static o => o.Row.Id))
        {
            if (organization.IsSystem || organization.Result.Outcome != LambImportOutcome.Imported || organization.Document is null)
            {
                continue;
            }

            foreach (var (pointer, provider, key) in ProviderKeys(organization.Document))
            {
                if (systemKeys.Find(s => s.Key.Equals(key)) is { Pointer: { } systemPointer })
                {
                    found.Add(new SharedOperatorKey(organization.Slug, pointer, systemPointer, "/inheritance/providers/" + JsonPointer.Escape(provider) + "/share_api_key"));
                }
            }
        }

        return found.ToImmutable();
    }

    private static IEnumerable<(string Pointer, string Provider, Secret Key)> ProviderKeys(OrgConfigDocument document)
    {
        var setups = DocumentLayers.Property(document.Root, "setups");
        if (setups.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var setup in setups.EnumerateObject())
        {
            var providers = DocumentLayers.Property(setup.Value, ConfigKeys.Providers);
            if (providers.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var provider in providers.EnumerateObject())
            {
                if (DocumentLayers.Property(provider.Value, "api_key") is { ValueKind: JsonValueKind.String } key && key.GetString() is { Length: > 0 } text)
                {
                    yield return ($"/setups/{JsonPointer.Escape(setup.Name)}/providers/{JsonPointer.Escape(provider.Name)}/api_key", provider.Name, new Secret(text));
                }
            }
        }
    }
}
