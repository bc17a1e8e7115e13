namespace ConfigResolver.Diagnostics;

/// <summary>
/// The stable diagnostic codes. A code never changes meaning once shipped; new problems get new codes.
/// </summary>
/// <remarks>
/// <c>CFG1xxx</c>: organization configuration documents and resolution.
/// <c>TEN2xxx</c>: tenancy (organizations, users, memberships).
/// <c>STO3xxx</c>: storage failures.
/// <c>INP4xxx</c>: files named by a user (configuration documents, models, policies, request files).
/// <c>IMP5xxx</c>: importing from another system (a LAMB database).
/// </remarks>
public static class DiagnosticCodes
{
    /// <summary>The document is not valid JSON (syntax error, duplicate property, comment).</summary>
    public const string InvalidJson = "CFG1001";

    /// <summary>A value has the wrong JSON type, for example a string where a boolean belongs.</summary>
    public const string WrongType = "CFG1002";

    /// <summary>A URL is not an absolute http or https URL.</summary>
    public const string InvalidUrl = "CFG1003";

    /// <summary>A property is not part of the schema (unknown top-level key, misspelled field, invalid name).</summary>
    public const string UnknownProperty = "CFG1004";

    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "CFG1005";

    /// <summary>A value breaks another schema constraint (length, uniqueness, format, allowed values).</summary>
    public const string ConstraintViolated = "CFG1006";

    /// <summary>The document's <c>version</c> is not supported.</summary>
    public const string UnsupportedVersion = "CFG1007";

    /// <summary>A provider's <c>default_model</c> is not one of its non-empty <c>models</c>.</summary>
    public const string DefaultModelNotInModels = "CFG1010";

    /// <summary>A signup key is not 8-64 letters, digits, '_' or '-', or starts or ends with '_' or '-'.</summary>
    public const string MalformedSignupKey = "CFG1011";

    /// <summary>Signup is enabled but no signup key is set.</summary>
    public const string SignupKeyRequired = "CFG1012";

    /// <summary>Another organization already uses the signup key.</summary>
    public const string DuplicateSignupKey = "CFG1013";

    /// <summary>A setup inherits something other than <c>default</c>, or <c>default</c> inherits.</summary>
    public const string InvalidSetupInheritance = "CFG1014";

    /// <summary>One object writes the same key under two of its names (<c>url</c> and LAMB's <c>server_url</c>).</summary>
    public const string AmbiguousAlias = "CFG1015";

    /// <summary>No provider and model qualifies for a completion request (<see cref="Routing.CompletionRouteException"/>).</summary>
    public const string NoCompletionCandidate = "CFG1050";

    /// <summary>One provider or model a completion route looked at and refused, with why (information that follows CFG1050).</summary>
    public const string RefusedCompletionCandidate = "CFG1051";

    /// <summary>The document is larger than <see cref="Validation.DocumentLimits.MaxDocumentBytes"/> (UTF-8 bytes).</summary>
    public const string DocumentTooLarge = "CFG1040";

    /// <summary>Objects and arrays nest deeper than <see cref="Validation.DocumentLimits.MaxDepth"/>.</summary>
    public const string NestingTooDeep = "CFG1041";

    /// <summary>A number is outside the range a document may hold (an integer beyond 64 bits, a float beyond double).</summary>
    public const string NumberOutOfRange = "CFG1042";

    /// <summary>Text is not valid Unicode: a lone surrogate (<c>\ud800</c> escaped or raw) where a character belongs.</summary>
    public const string InvalidText = "CFG1043";

    /// <summary>More setups, providers or models than <see cref="Validation.DocumentLimits"/> allows.</summary>
    public const string TooManyEntries = "CFG1044";

    /// <summary>A string is longer than <see cref="Validation.DocumentLimits.MaxStringLength"/>.</summary>
    public const string StringTooLong = "CFG1045";

    /// <summary>The requested setup exists in neither the organization nor the system organization.</summary>
    public const string UnknownSetup = "CFG1020";

    /// <summary>An environment value cannot be used (wrong type, bad URL, unknown generic key).</summary>
    public const string InvalidEnvironmentValue = "CFG1030";

    /// <summary>An environment mapping in <see cref="ResolverOptions"/> targets a key that does not exist.</summary>
    public const string InvalidEnvironmentMapping = "CFG1031";

    /// <summary>A slug is not 2-63 lowercase letters, digits or hyphens.</summary>
    public const string InvalidSlug = "TEN2001";

    /// <summary>Another organization already has the slug.</summary>
    public const string DuplicateSlug = "TEN2002";

    /// <summary>An email address is malformed.</summary>
    public const string InvalidEmail = "TEN2003";

    /// <summary>Another user already has the email address (compared case-insensitively).</summary>
    public const string DuplicateEmail = "TEN2004";

    /// <summary>No organization has the given slug or id.</summary>
    public const string UnknownOrganization = "TEN2005";

    /// <summary>No user has the given email or id.</summary>
    public const string UnknownUser = "TEN2006";

    /// <summary>The system organization cannot be deleted.</summary>
    public const string SystemOrganizationUndeletable = "TEN2007";

    /// <summary>The system organization must stay active; it cannot be suspended or put on trial.</summary>
    public const string SystemOrganizationMustStayActive = "TEN2008";

    /// <summary>Removing the membership would leave the organization without an owner.</summary>
    public const string LastOwnerRemoval = "TEN2009";

    /// <summary>Changing the role would leave the organization without an owner.</summary>
    public const string LastOwnerDemotion = "TEN2010";

    /// <summary>An organization without members must get an owner first.</summary>
    public const string FirstMemberMustBeOwner = "TEN2011";

    /// <summary>A user's default organization must be one of the user's memberships.</summary>
    public const string DefaultOrganizationNotMember = "TEN2012";

    /// <summary>The user is not a member of the organization.</summary>
    public const string UnknownMembership = "TEN2013";

    /// <summary>A name or plan is empty or too long.</summary>
    public const string InvalidField = "TEN2014";

    /// <summary>An update tries to change a field that never changes (id, slug, system flag, creation time).</summary>
    public const string ImmutableField = "TEN2015";

    /// <summary>An entity with the same id already exists.</summary>
    public const string DuplicateId = "TEN2016";

    /// <summary>The store failed; see <see cref="Storage.TenantStoreException"/>.</summary>
    public const string StoreFailure = "STO3001";

    /// <summary>The database path is not usable: a directory, a device, a FIFO, or a missing or read-only folder.</summary>
    public const string InvalidDatabasePath = "STO3002";

    /// <summary>A named file does not exist.</summary>
    public const string FileNotFound = "INP4001";

    /// <summary>A named file is a directory.</summary>
    public const string NotAFile = "INP4002";

    /// <summary>A named file is a FIFO, a device or a socket; it is refused before it is opened.</summary>
    public const string NotARegularFile = "INP4003";

    /// <summary>A named file is larger than the limit for its kind.</summary>
    public const string FileTooLarge = "INP4004";

    /// <summary>A named file is not UTF-8 text; the diagnostic gives the first invalid byte's line and column.</summary>
    public const string InvalidUtf8 = "INP4005";

    /// <summary>A named file exists but cannot be read (permissions, an I/O error).</summary>
    public const string UnreadableFile = "INP4006";
    /// <summary>A store locator (<c>--db</c>, <c>CFGR_DB</c>) names no store: empty, a malformed URL or connection string.</summary>
    public const string InvalidStoreLocator = "STO3003";

    /// <summary>The file is not a LAMB database: not SQLite, or a table or column the import reads is missing.</summary>
    public const string NotALambDatabase = "IMP5001";

    /// <summary>A LAMB user has no email; users are identified by email here.</summary>
    public const string LambUserWithoutEmail = "IMP5002";

    /// <summary>A LAMB role is not owner, admin or member.</summary>
    public const string LambUnknownRole = "IMP5003";

    /// <summary>A LAMB organization's status is not active, suspended or trial.</summary>
    public const string LambUnknownStatus = "IMP5004";

    /// <summary>A LAMB organization has members but no owner or admin who could become its owner.</summary>
    public const string LambNoOwner = "IMP5005";

    /// <summary>A LAMB table holds more rows than the import reads (<see cref="Import.LambImportLimits"/>).</summary>
    public const string LambTooManyRows = "IMP5006";

    /// <summary>A LAMB database marks more than one organization as the system organization.</summary>
    public const string LambSecondSystemOrganization = "IMP5007";
}
