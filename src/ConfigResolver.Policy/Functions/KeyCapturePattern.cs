using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// The regex Go's keyGet2, keyGet3 and keyMatch4 build from a key pattern, with the parameter
/// names in order. Go reads parameter i from capture group i + 1 of the whole regex, so a pattern
/// with its own parentheses shifts the groups exactly as it does in Go.
/// </summary>
internal sealed class KeyCapturePattern
{
    private readonly string _functionName;

    private KeyCapturePattern(string functionName, GoRegex regex, List<string> names)
    {
        _functionName = functionName;
        Regex = regex;
        Names = names;
    }

    public GoRegex Regex { get; }

    public List<string> Names { get; }

    public static KeyCapturePattern ForColon(string functionName, string pattern)
    {
        var names = new List<string>();
        var body = KeyPatterns.ReplaceColonParameters(KeyPatterns.ExpandSlashStar(pattern), "([^/]+)", names);
        return new KeyCapturePattern(functionName, Compile(functionName, body), names);
    }

    public static KeyCapturePattern ForBraces(string functionName, string pattern, bool lazy)
    {
        var names = new List<string>();
        var replacement = lazy ? "([^/]+?)" : "([^/]+)";
        var body = KeyPatterns.ReplaceBraceParameters(KeyPatterns.ExpandSlashStar(pattern), replacement, lazy, names);
        return new KeyCapturePattern(functionName, Compile(functionName, body), names);
    }

    /// <summary>Go: match first, then return the group of the first parameter with that name.</summary>
    public string Get(string key, string pathVar) => GetAt(key, Names.IndexOf(pathVar));

    public Func<string, string> Prepare(string pathVar)
    {
        var index = Names.IndexOf(pathVar);
        return index < 0 ? static _ => string.Empty : key => GetAt(key, index);
    }

    private string GetAt(string key, int index)
    {
        if (index < 0)
        {
            return string.Empty;
        }

        var values = Regex.FindSubmatch(key);
        if (values is null)
        {
            return string.Empty;
        }

        if (index + 1 >= values.Length)
        {
            // Go indexes past the end of its submatch slice here and panics.
            throw new PolicyFunctionException(_functionName, "runtime error: index out of range");
        }

        return values[index + 1];
    }

    private static GoRegex Compile(string functionName, string body)
    {
        var goPattern = "^" + body + "$";
        try
        {
            return GoRegex.Compile(goPattern);
        }
        catch (GoRegexSyntaxException ex)
        {
            throw new PolicyFunctionException(functionName, "regexp: Compile(`" + goPattern + "`): " + ex.Message, ex);
        }
    }
}
