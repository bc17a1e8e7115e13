using System.Collections.Immutable;
using System.Text.Json;

namespace ConfigResolver.Configuration;

internal static partial class DocumentLayers
{
    /// <summary>Returns the element at a section's path (<c>limits/usage</c>) below <paramref name="parent"/>, or undefined.</summary>
    public static JsonElement Section(JsonElement parent, ConfigSection section)
    {
        var element = parent;
        foreach (var segment in section.Path)
        {
            element = Property(element, segment);
        }

        return element;
    }

    /// <summary>
    /// Finds a field in an object under any of its names (<c>url</c> or LAMB's <c>server_url</c>): the first name that
    /// holds a usable value wins. An empty string counts as not set where the field says so, and for every secret.
    /// </summary>
    public static bool TryReadField(JsonElement parent, ConfigField field, out ConfigValue value, out string name)
    {
        value = ConfigValue.FromBoolean(false);
        name = field.Name;
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (TryReadName(parent, field, field.Name, out value))
        {
            return true;
        }

        foreach (var alias in field.Aliases)
        {
            if (TryReadName(parent, field, alias, out value))
            {
                name = alias;
                return true;
            }
        }

        return false;
    }

    private static bool TryReadName(JsonElement parent, ConfigField field, string name, out ConfigValue value)
    {
        value = ConfigValue.FromBoolean(false);
        return parent.TryGetProperty(name, out var element)
            && !(field.EmptyIsUnset && element.ValueKind == JsonValueKind.String && element.ValueEquals(string.Empty))
            && TryRead(element, field, out value);
    }

    private static LayerValues BuildLayer(JsonElement root, JsonElement setups, ImmutableArray<string> chain)
    {
        var builder = new LayerValuesBuilder();
        foreach (var name in chain)
        {
            var setup = Property(setups, name);
            var prefix = "/setups/" + JsonPointer.Escape(name);
            AddProviders(builder, Property(setup, ConfigKeys.Providers), prefix);
            foreach (var section in ConfigKeys.Sections)
            {
                if (section.InSetups)
                {
                    AddSection(builder, Property(setup, section.Name), section, prefix + "/" + section.Name);
                }
            }
        }

        foreach (var section in ConfigKeys.Sections)
        {
            if (section.AtTopLevel)
            {
                AddSection(builder, Section(root, section), section, "/" + section.Name);
            }

            if (section.LegacySetupName is { } legacy)
            {
                foreach (var name in chain)
                {
                    AddSection(builder, Property(Property(setups, name), legacy), section, "/setups/" + JsonPointer.Escape(name) + "/" + legacy);
                }
            }
        }

        return builder.Build();
    }

    private static void AddProviders(LayerValuesBuilder builder, JsonElement providers, string prefix)
    {
        if (providers.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var provider in providers.EnumerateObject())
        {
            var source = prefix + "/providers/" + JsonPointer.Escape(provider.Name);
            builder.AddProvider(provider.Name, source);
            var pointers = ConfigKeys.ProviderPointers(provider.Name);
            for (var i = 0; i < ConfigKeys.ProviderFields.Length; i++)
            {
                if (!builder.Contains(pointers[i]) && TryReadField(provider.Value, ConfigKeys.ProviderFields[i], out var value, out var name))
                {
                    builder.TryAdd(pointers[i], value, source + "/" + name);
                }
            }
        }
    }

    private static void AddSection(LayerValuesBuilder builder, JsonElement element, ConfigSection section, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var field in section.Fields)
        {
            var pointer = section.Pointer(field.Name);
            if (!builder.Contains(pointer) && TryReadField(element, field, out var value, out var name))
            {
                builder.TryAdd(pointer, value, source + "/" + name);
            }
        }

        if (section.IsOpen)
        {
            AddExtras(builder, element, section, source);
        }
    }

    /// <summary>The keys of an open section beyond its known fields: booleans, numbers and strings, in document order.</summary>
    private static void AddExtras(LayerValuesBuilder builder, JsonElement element, ConfigSection section, string source)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (section.TryFind(property.Name, out _) || !ConfigKeys.IsOpenKey(property.Name))
            {
                continue;
            }

            var kind = property.Value.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => ConfigValueKind.Boolean,
                JsonValueKind.Number => ConfigValueKind.Number,
                _ when ConfigKeys.IsSecretName(property.Name) => ConfigValueKind.Secret,
                _ => ConfigValueKind.Text,
            };
            var pointer = section.Pointer(property.Name);
            if (!builder.Contains(pointer) && TryRead(property.Value, new ConfigField(property.Name, kind, FieldScope.Organization), out var value))
            {
                builder.TryAdd(pointer, value, source + "/" + JsonPointer.Escape(property.Name));
                builder.AddExtra(pointer);
            }
        }
    }
}
