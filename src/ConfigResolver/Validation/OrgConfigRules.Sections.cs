using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

internal static partial class OrgConfigRules
{
    /// <summary>A setup's sections (kb_server, knowledge_base, library, assistant_defaults, model choices).</summary>
    private static void CheckSetupSections(JsonElement setup, string prefix, DiagnosticBag bag)
    {
        foreach (var section in ConfigKeys.Sections)
        {
            if (section.InSetups)
            {
                CheckSection(DocumentLayers.Property(setup, section.Name), section, prefix + "/" + section.Name, bag);
            }

            if (section.LegacySetupName is { } legacy)
            {
                CheckSection(DocumentLayers.Property(setup, legacy), section, prefix + "/" + legacy, bag);
            }
        }
    }

    /// <summary>The organization-wide sections (kb_server, library, assistant_defaults at the top level).</summary>
    private static void CheckTopLevelSections(JsonElement root, DiagnosticBag bag)
    {
        foreach (var section in ConfigKeys.Sections)
        {
            if (section.AtTopLevel)
            {
                CheckSection(DocumentLayers.Section(root, section), section, "/" + section.Name, bag);
            }
        }
    }

    /// <summary>One name per key (<c>url</c> or <c>server_url</c>, not both), and every URL absolute http or https.</summary>
    private static void CheckSection(JsonElement element, ConfigSection section, string pointer, DiagnosticBag bag)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var field in section.Fields)
        {
            string? first = null;
            foreach (var name in (IEnumerable<string>)[field.Name, .. field.Aliases])
            {
                if (!element.TryGetProperty(name, out var value))
                {
                    continue;
                }

                if (field.IsUrl)
                {
                    CheckUrl(value, pointer + "/" + name, bag, field.EmptyIsUnset);
                }

                if (first is null)
                {
                    first = name;
                }
                else
                {
                    // Two names for one key could disagree, and nothing says which the author meant.
                    bag.Add(Diagnostic.Mismatch(
                        DiagnosticCodes.AmbiguousAlias,
                        pointer + "/" + name,
                        $"one of {ValueDescriber.QuoteList([field.Name, .. field.Aliases])} (they name the same key)",
                        $"both '{first}' and '{name}'"));
                }
            }
        }
    }
}
