namespace ConfigResolver.Authorization.Diagnostics;

/// <summary>
/// Stable codes of the authorization policy loader, compiler and test runner (<c>POL2xxx</c>). Conditions reuse the
/// engine's matcher codes (<c>POL1005</c>–<c>POL1012</c>). Codes never change meaning once shipped.
/// </summary>
public static class AuthorizationDiagnosticCodes
{
    /// <summary>A file is not valid YAML.</summary>
    public const string YamlSyntax = "POL2001";

    /// <summary>A line is indented with a tab (YAML allows only spaces).</summary>
    public const string TabIndentation = "POL2002";

    /// <summary>A mapping has the same key twice.</summary>
    public const string DuplicateKey = "POL2003";

    /// <summary>A role name is not declared (in <c>inherits</c>, a fixture membership or <c>platform_admin_role</c>).</summary>
    public const string UnknownRole = "POL2004";

    /// <summary>Roles inherit from each other in a cycle.</summary>
    public const string RoleCycle = "POL2005";

    /// <summary>A scope or scope pattern matches no declared scope, or is not <c>resource:verb</c>.</summary>
    public const string UnknownScope = "POL2006";

    /// <summary>A value has the wrong type for the schema.</summary>
    public const string WrongType = "POL2007";

    /// <summary>A property is not defined by the schema.</summary>
    public const string UnknownProperty = "POL2008";

    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "POL2009";

    /// <summary>A value breaks another schema constraint (allowed values, pattern, length, unique items).</summary>
    public const string ConstraintViolated = "POL2010";

    /// <summary>A document has no <c>kind</c>, an unknown one, or one that does not belong in this file.</summary>
    public const string UnknownKind = "POL2011";

    /// <summary>A name is declared twice (a scope, a package, a test case).</summary>
    public const string DuplicateName = "POL2012";

    /// <summary>Rules with the same name in one package have different effects.</summary>
    public const string ConflictingAlternatives = "POL2013";

    /// <summary>An organization overlay widens access where the base does not allow it.</summary>
    public const string OverlayWidens = "POL2014";

    /// <summary>A <c>reason</c> template has a malformed placeholder or names an unknown field.</summary>
    public const string InvalidReasonTemplate = "POL2015";

    /// <summary>A policy test case has no expectation, or no principal.</summary>
    public const string MissingExpectation = "POL2016";

    /// <summary>A policy test names an unknown fixture (user, organization, API key) or has an invalid fixture.</summary>
    public const string InvalidFixture = "POL2017";

    /// <summary>A policy test case failed: the decision or the reason differs from the expectation.</summary>
    public const string TestCaseFailed = "POL2018";

    /// <summary>The model does not have the shape the roles compile onto.</summary>
    public const string UnsuitableModel = "POL2019";

    /// <summary>A policy file could not be read (deleted or locked during a reload, for example).</summary>
    public const string UnreadableFile = "POL2020";

    /// <summary>YAML anchors, aliases, tags or several documents in one file are not supported.</summary>
    public const string UnsupportedYaml = "POL2021";

    /// <summary>The directory has no roles file, or more than one.</summary>
    public const string RolesFileCount = "POL2022";

    /// <summary>An overlay folder under <c>orgs/</c> is not a valid organization slug, or an overlay declares something only the base may.</summary>
    public const string InvalidOverlay = "POL2023";

    /// <summary>A policy test could not be evaluated (a condition failed at run time).</summary>
    public const string TestCaseError = "POL2024";

    /// <summary>YAML mappings and lists nest deeper than <see cref="PolicyLoadingOptions.MaxYamlDepth"/>.</summary>
    public const string YamlTooDeep = "POL2025";

    /// <summary>A symbolic link leads outside the policy directory, into a cycle, or to a place already read through another path.</summary>
    public const string UnsafeLink = "POL2026";

    /// <summary>A file, a folder or the directory is over a size or count limit of <see cref="PolicyLoadingOptions"/>.</summary>
    public const string FileLimit = "POL2027";

    /// <summary>A file is not UTF-8 text, or holds a lone surrogate; the diagnostic gives the line and column.</summary>
    public const string InvalidText = "POL2028";

    /// <summary>A policy file is a FIFO, a device or a socket; it is refused before it is opened.</summary>
    public const string NotRegularFile = "POL2029";

    /// <summary>Policies are taken from the store, but the store holds no policy revision yet (publish one with <c>cfgr policy push DIR</c>).</summary>
    public const string NoPolicyRevision = "POL2040";
}
