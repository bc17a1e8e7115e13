namespace ConfigResolver.Policy.Diagnostics;

/// <summary>Stable diagnostic codes of the policy engine. Codes never change meaning once shipped.</summary>
public static class PolicyDiagnosticCodes
{
    /// <summary>A model line is not <c>key = value</c>, a section header, a comment or blank.</summary>
    public const string ModelSyntax = "POL1001";

    /// <summary>A required model section (request, policy, effect, matchers) is missing or empty.</summary>
    public const string MissingSection = "POL1002";

    /// <summary>The policy effect is not one of the five supported expressions.</summary>
    public const string UnsupportedEffect = "POL1003";

    /// <summary>A role definition is malformed or uses a feature that is not supported.</summary>
    public const string InvalidRoleDefinition = "POL1004";

    /// <summary>A matcher expression does not parse.</summary>
    public const string MatcherSyntax = "POL1005";

    /// <summary>A matcher names a token the request or policy definition does not declare.</summary>
    public const string UnknownToken = "POL1006";

    /// <summary>A matcher calls a function that is neither built in nor registered.</summary>
    public const string UnknownFunction = "POL1007";

    /// <summary>A function is called with the wrong number of arguments.</summary>
    public const string FunctionArity = "POL1008";

    /// <summary>A constant argument is invalid for its function (a regular expression that does not compile, say).</summary>
    public const string InvalidConstantArgument = "POL1009";

    /// <summary>A request definition, policy definition or matcher for an enforce context does not exist.</summary>
    public const string UnknownDefinition = "POL1010";

    /// <summary>The matcher cannot use an index for some of its terms; those terms are evaluated by a scan.</summary>
    public const string UnindexedMatcher = "POL1011";

    /// <summary>A condition reads a field its variable does not have (for example <c>org.stauts</c>).</summary>
    public const string UnknownField = "POL1012";

    /// <summary>
    /// A matcher or condition is longer than 65,536 characters or nests deeper than 256 levels (operators, parentheses,
    /// calls, lists): refused at compile time, so evaluation can never run off the stack.
    /// </summary>
    public const string ExpressionTooComplex = "POL1013";

    /// <summary>A regular expression uses a construct the linear-time engine cannot run (named in the message).</summary>
    public const string UnsupportedRegex = "POL1014";

    /// <summary>A model or policy file cannot be read: missing, a directory, FIFO or device, over 4 MiB, or not UTF-8.</summary>
    public const string UnreadableSource = "POL1015";

    /// <summary>A policy line is not valid CSV (for example a bare quote).</summary>
    public const string PolicySyntax = "POL1101";

    /// <summary>A policy line starts with a type the model does not define.</summary>
    public const string UnknownPolicyType = "POL1102";

    /// <summary>A policy line has the wrong number of fields for its definition.</summary>
    public const string PolicyFieldCount = "POL1103";

    /// <summary>Role links form a cycle in a role definition without domains.</summary>
    public const string RoleCycle = "POL1104";
}
