namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// A pattern Go's regexp/syntax rejects (or one this translation cannot reproduce). The message
/// follows Go's form: error parsing regexp: CODE: `EXPR`.
/// </summary>
internal sealed class GoRegexSyntaxException : FormatException
{
    public GoRegexSyntaxException(string code, string expression)
        : base("error parsing regexp: " + code + ": `" + expression + "`")
    {
        Code = code;
        Expression = expression;
    }

    public string Code { get; }

    public string Expression { get; }

    // Go's error codes (regexp/syntax ErrorCode values), reused verbatim so messages read like Go's.
    public const string InvalidCharRange = "invalid character class range";
    public const string InvalidEscape = "invalid escape sequence";
    public const string InvalidNamedCapture = "invalid named capture";
    public const string InvalidPerlOp = "invalid or unsupported Perl syntax";
    public const string InvalidRepeatOp = "invalid nested repetition operator";
    public const string InvalidRepeatSize = "invalid repeat count";
    public const string MissingBracket = "missing closing ]";
    public const string MissingParen = "missing closing )";
    public const string MissingRepeatArgument = "missing argument to repetition operator";
    public const string TrailingBackslash = "trailing backslash at end of expression";
    public const string UnexpectedParen = "unexpected )";
    public const string NestingDepth = "expression nests too deeply";
    public const string Large = "expression too large";
    public const string UnsupportedClass = "Unicode script classes are not supported by this engine";
}
