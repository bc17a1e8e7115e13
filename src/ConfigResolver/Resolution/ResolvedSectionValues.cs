using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>A section's resolved values, read by field (never by position, so adding a field cannot shift a read).</summary>
/// <param name="section">The section.</param>
/// <param name="values">Its values, in <see cref="ConfigSection.Fields"/> order.</param>
internal readonly struct ResolvedSectionValues(ConfigSection section, ResolvedValue[] values)
{
    /// <summary>The value of <paramref name="field"/>, one of the section's fields.</summary>
    public ResolvedValue this[ConfigField field]
    {
        get
        {
            var index = section.Fields.IndexOf(field);
            if (index < 0)
            {
                throw new ArgumentException($"'{field.Name}' is not a field of section '{section.Name}'.", nameof(field));
            }

            return values[index];
        }
    }

    /// <summary>The value of the field named <paramref name="name"/>, one of the section's fields.</summary>
    public ResolvedValue this[string name]
    {
        get
        {
            for (var i = 0; i < section.Fields.Length; i++)
            {
                if (string.Equals(section.Fields[i].Name, name, StringComparison.Ordinal))
                {
                    return values[i];
                }
            }

            throw new ArgumentException($"'{name}' is not a field of section '{section.Name}'.", nameof(name));
        }
    }
}
