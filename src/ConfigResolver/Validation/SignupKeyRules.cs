namespace ConfigResolver.Validation;

/// <summary>The format of a signup key.</summary>
public static class SignupKeyRules
{
    /// <summary>The shortest allowed key.</summary>
    public const int MinLength = 8;

    /// <summary>The longest allowed key.</summary>
    public const int MaxLength = 64;

    /// <summary>What a well-formed key looks like, as diagnostics phrase it.</summary>
    public const string Expectation = "8-64 letters, digits, '_' or '-', not starting or ending with '_' or '-'";

    /// <summary>Returns whether a key is 8-64 ASCII letters, digits, '_' or '-', not starting or ending with '_' or '-'.</summary>
    /// <param name="signupKey">The key.</param>
    /// <returns>True when well-formed.</returns>
    public static bool IsWellFormed(string? signupKey)
    {
        if (signupKey is null || signupKey.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        if (!char.IsAsciiLetterOrDigit(signupKey[0]) || !char.IsAsciiLetterOrDigit(signupKey[^1]))
        {
            return false;
        }

        foreach (var c in signupKey)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
