using System.Collections.Immutable;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Conditions;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Authorization;

/// <summary>
/// Loads a policy directory through the named stages <b>Parse</b> (YAML with positions, tabs, duplicate keys) →
/// <b>Validate</b> (kind, JSON Schema, file placement) → <b>Compile</b> (model, roles and scopes, rule packages with
/// conditions, overlays, test fixtures) into one <see cref="CompiledPolicy"/>. Every stage runs on every file it
/// can, so one run reports every problem; they are de-duplicated, sorted by file, line and column, and thrown once.
/// </summary>
/// <remarks>Pure apart from <see cref="LoadDirectory(string, string?, TimeProvider?, PolicyLoadingOptions?)"/> reading files; safe for concurrent use.</remarks>
public static partial class PolicyLoader
{
    /// <summary>Reads and compiles a policy directory within the given limits.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="displayRoot">How diagnostics name the directory (<c>policies/</c> as the user typed it); <paramref name="directory"/> when null.</param>
    /// <param name="timeProvider">The clock conditions' <c>timeMatch</c> reads; the system clock when null.</param>
    /// <param name="options">Limits on files, folders, links and YAML depth; <see cref="PolicyLoadingOptions.Default"/> when null.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="PolicyCompilationException">Any problem in any file, including every limit hit; all of them are listed.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static CompiledPolicy LoadDirectory(string directory, string? displayRoot = null, TimeProvider? timeProvider = null, PolicyLoadingOptions? options = null)
    {
        var limits = options ?? PolicyLoadingOptions.Default;
        return Load(PolicyDirectory.Read(directory, limits), displayRoot ?? directory, timeProvider, limits);
    }

    /// <summary>Compiles policy files already read, within the given limits.</summary>
    /// <param name="files">The files, with paths relative to the policy directory.</param>
    /// <param name="displayRoot">Prefix of file names in diagnostics, or null for the relative paths alone.</param>
    /// <param name="timeProvider">The clock conditions' <c>timeMatch</c> reads; the system clock when null.</param>
    /// <param name="options">Limits (YAML depth); <see cref="PolicyLoadingOptions.Default"/> when null.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="PolicyCompilationException">Any problem in any file; all of them are listed.</exception>
    public static CompiledPolicy Load(IEnumerable<PolicyFile> files, string? displayRoot = null, TimeProvider? timeProvider = null, PolicyLoadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new List<Diagnostic>();
        var policy = Compile(files, displayRoot, timeProvider ?? TimeProvider.System, options ?? PolicyLoadingOptions.Default, diagnostics);
        var errors = diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        return policy is not null && errors.Count == 0 ? policy : throw new PolicyCompilationException(errors);
    }

    private static CompiledPolicy? Compile(IEnumerable<PolicyFile> files, string? displayRoot, TimeProvider timeProvider, PolicyLoadingOptions options, List<Diagnostic> diagnostics)
    {
        var root = displayRoot is null ? null : displayRoot.TrimEnd('/', '\\');
        string Display(string relative) => root is null ? relative : $"{root}/{relative}";

        // Stage 1, Parse.
        var parsed = new List<(PolicyFile File, YamlJsonDocument Document)>();
        string? modelText = null;
        string? modelName = null;
        foreach (var file in files)
        {
            var name = Display(file.RelativePath);
            if (file.Text is null)
            {
                diagnostics.Add(new Diagnostic(file.ErrorCode ?? AuthorizationDiagnosticCodes.UnreadableFile, file.ErrorCode is null or AuthorizationDiagnosticCodes.UnreadableFile ? $"the file could not be read: {file.Error}." : $"{file.Error}.",
                    name, file.ErrorLine, file.ErrorColumn));
            }
            else if (file.RelativePath == PolicyDirectory.ModelFileName)
            {
                (modelText, modelName) = (file.Text, name);
            }
            else if (YamlJsonReader.Read(file.Text, name, options.MaxYamlDepth, diagnostics) is { } document)
            {
                parsed.Add((file, document));
            }
        }

        // Stage 2, Validate: kind and placement, schema, typed documents.
        var roles = new List<RolesDocument>();
        var rules = new List<RulesDocument>();
        var tests = new List<PolicyTestDocument>();
        foreach (var (file, document) in parsed)
        {
            Validate(file.RelativePath, document, roles, rules, tests, diagnostics);
        }

        // Stage 3, Compile.
        var model = CompileModel(modelText, modelName, diagnostics);
        var compiledRoles = CompileRoles(roles, root ?? ".", diagnostics);
        var conditions = new ConditionCompiler(ConditionVariables.All, timeProvider);
        var packages = RulesCompiler.Compile(rules, conditions, diagnostics);
        var suites = tests.Select(t => TestSuiteCompiler.Compile(t, diagnostics)).OfType<PolicyTestSuite>().ToImmutableArray();
        if (model is null || compiledRoles is null)
        {
            return null;
        }

        CheckModelFits(model, compiledRoles, diagnostics);
        return new CompiledPolicy(model, compiledRoles, packages, suites, [.. files.Select(f => Display(f.RelativePath))]);
    }

    private static CompiledRoles? CompileRoles(List<RolesDocument> roles, string root, List<Diagnostic> diagnostics)
    {
        if (roles.Count == 0)
        {
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.RolesFileCount, "no roles file: one file must declare 'kind: Roles' with the scopes and roles.", root));
            return null;
        }

        foreach (var extra in roles.Skip(1))
        {
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.RolesFileCount, $"a second roles file; roles and scopes are declared in one file, '{roles[0].File}'.", extra.File, 1, 1));
        }

        return RolesCompiler.Compile(roles[0], diagnostics);
    }
}
