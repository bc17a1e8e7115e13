namespace ConfigResolver.Tenancy;

/// <summary>Format rules for tenancy fields, shared by the administration service and every store.</summary>
public static class TenancyRules
{
    /// <summary>The system organization's default slug.</summary>
    public const string DefaultSystemSlug = "system";

    /// <summary>The plan a new organization gets unless told otherwise.</summary>
    public const string DefaultPlan = "free";

    /// <summary>The longest name, plan or email.</summary>
    public const int MaxNameLength = 254;

    /// <summary>What a valid slug looks like, as diagnostics phrase it.</summary>
    public const string SlugExpectation = "2-63 lowercase letters, digits or hyphens";

    /// <summary>Returns whether a slug is 2-63 characters of lowercase ASCII letters, digits or hyphens.</summary>
    /// <param name="slug">The slug.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidSlug(string? slug)
    {
        if (slug is null || slug.Length is < 2 or > 63)
        {
            return false;
        }

        foreach (var c in slug)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns whether an email address is plausible: one '@' with text on both sides, a dot in the domain,
    /// no whitespace, at most <see cref="MaxNameLength"/> characters.
    /// </summary>
    /// <param name="email">The address.</param>
    /// <returns>True when plausible.</returns>
    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > MaxNameLength || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.');
    }

    /// <summary>Returns the form emails are compared and indexed in: lowercase invariant. Stores index this, not the entered form.</summary>
    /// <param name="email">The address.</param>
    /// <returns>The normalized address.</returns>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.ToLowerInvariant();
    }

    /// <summary>Returns whether a name or plan is non-blank and at most <see cref="MaxNameLength"/> characters.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxNameLength;
}
