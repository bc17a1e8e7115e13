using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

/// <summary>
/// The checks a JSON Schema cannot express. They read the document tolerantly (wrong types are the
/// schema's to report), so they run even when the schema already found problems.
/// </summary>
internal static partial class OrgConfigRules
{
    public static void Check(JsonElement root, DiagnosticBag bag)
    {
        CheckVersion(root, bag);
        CheckSetups(root, bag);
        CheckTopLevelSections(root, bag);
        CheckSignup(root, bag);
    }

    /// <summary>Version 1 is written 1 (ours) or "1.0" (LAMB's); the schema's enum alone would let "1" through.</summary>
    private static void CheckVersion(JsonElement root, DiagnosticBag bag)
    {
        var version = DocumentLayers.Property(root, "version");
        var ok = version.ValueKind switch
        {
            JsonValueKind.String => version.ValueEquals("1.0"),
            JsonValueKind.Number => version.TryGetDouble(out var number) && number == 1,
            _ => true, // missing or of another type: the schema reports it
        };
        if (!ok)
        {
            bag.Add(Diagnostic.Mismatch(DiagnosticCodes.UnsupportedVersion, "/version", "version 1, written 1 or '1.0'", ValueDescriber.Describe(version, "/version")));
        }
    }

    private static void CheckSetups(JsonElement root, DiagnosticBag bag)
    {
        var setups = DocumentLayers.Property(root, "setups");
        if (setups.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var defaultSetup = DocumentLayers.Property(setups, ConfigKeys.DefaultSetup);
        foreach (var setup in setups.EnumerateObject())
        {
            var prefix = "/setups/" + JsonPointer.Escape(setup.Name);
            var isDefault = setup.Name == ConfigKeys.DefaultSetup;
            if (isDefault && DocumentLayers.Property(setup.Value, "inherits").ValueKind != JsonValueKind.Undefined)
            {
                bag.Add(Diagnostic.Mismatch(DiagnosticCodes.InvalidSetupInheritance, prefix + "/inherits", "no 'inherits' on the default setup", "an 'inherits' property"));
            }

            var parent = !isDefault && DocumentLayers.InheritsDefault(setup.Value) ? defaultSetup : default;
            CheckProviders(setup.Value, parent, prefix, bag);
            CheckSetupSections(setup.Value, prefix, bag);
        }
    }

    private static void CheckProviders(JsonElement setup, JsonElement parent, string prefix, DiagnosticBag bag)
    {
        var providers = DocumentLayers.Property(setup, ConfigKeys.Providers);
        if (providers.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var parentProviders = DocumentLayers.Property(parent, ConfigKeys.Providers);
        foreach (var provider in providers.EnumerateObject())
        {
            var pointer = prefix + "/providers/" + JsonPointer.Escape(provider.Name);
            CheckUrl(DocumentLayers.Property(provider.Value, "base_url"), pointer + "/base_url", bag);

            // With "inherits": "default", a missing default_model or models comes from the default setup.
            var inherited = DocumentLayers.Property(parentProviders, provider.Name);
            var model = DocumentLayers.Property(provider.Value, "default_model");
            var modelPointer = pointer + "/default_model";
            if (model.ValueKind == JsonValueKind.Undefined)
            {
                model = DocumentLayers.Property(inherited, "default_model");
                modelPointer = "/setups/default/providers/" + JsonPointer.Escape(provider.Name) + "/default_model";
            }

            var models = DocumentLayers.Property(provider.Value, "models");
            if (models.ValueKind == JsonValueKind.Undefined)
            {
                models = DocumentLayers.Property(inherited, "models");
            }

            CheckDefaultModel(model, models, modelPointer, bag);
        }
    }

    private static void CheckDefaultModel(JsonElement model, JsonElement models, string pointer, DiagnosticBag bag)
    {
        if (model.ValueKind != JsonValueKind.String || models.ValueKind != JsonValueKind.Array || models.GetArrayLength() == 0)
        {
            return;
        }

        var names = new List<string>();
        foreach (var item in models.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                if (item.ValueEquals(model.GetString()))
                {
                    return;
                }

                names.Add(item.GetString()!);
            }
        }

        bag.Add(Diagnostic.Mismatch(
            DiagnosticCodes.DefaultModelNotInModels,
            pointer,
            "one of the provider's models (" + ValueDescriber.QuoteList(names) + ")",
            ValueDescriber.Quote(model.GetString()!)));
    }

    private static void CheckUrl(JsonElement url, string pointer, DiagnosticBag bag, bool allowEmpty = false)
    {
        if (url.ValueKind == JsonValueKind.String && !UrlRules.IsHttpUrl(url.GetString()) && !(allowEmpty && url.ValueEquals(string.Empty)))
        {
            bag.Add(Diagnostic.Mismatch(DiagnosticCodes.InvalidUrl, pointer, UrlRules.Expectation, ValueDescriber.Quote(url.GetString()!)));
        }
    }

    private static void CheckSignup(JsonElement root, DiagnosticBag bag)
    {
        var features = DocumentLayers.Property(root, ConfigKeys.Features);
        var key = DocumentLayers.Property(features, "signup_key");
        if (key.ValueKind == JsonValueKind.String && !SignupKeyRules.IsWellFormed(key.GetString()))
        {
            bag.Add(Diagnostic.Mismatch(DiagnosticCodes.MalformedSignupKey, ConfigKeys.SignupKeyPointer, SignupKeyRules.Expectation, Secret.DescribeLength(key.GetString()!.Length)));
        }

        if (DocumentLayers.Property(features, "signup_enabled").ValueKind == JsonValueKind.True
            && key.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            bag.Add(Diagnostic.Mismatch(DiagnosticCodes.SignupKeyRequired, ConfigKeys.SignupKeyPointer, "a signup key because signup_enabled is true", "none"));
        }
    }
}
