using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization;

public static partial class PolicyLoader
{
    /// <summary>The model used when a directory has no <c>model.conf</c>: the one shipped in <c>policies/</c>.</summary>
    internal const string BuiltInModelName = "(built-in model.conf)";

    private static readonly Lazy<string> s_builtInModel = new(() =>
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("ConfigResolver.Policies.model.conf")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static void Validate(
        string relativePath, YamlJsonDocument document, List<RolesDocument> roles, List<RulesDocument> rules, List<PolicyTestDocument> tests, List<Diagnostic> diagnostics)
    {
        var file = document.File;
        var isTestFile = relativePath.EndsWith("_test.yaml", StringComparison.Ordinal) || relativePath.EndsWith("_test.yml", StringComparison.Ordinal);
        var overlay = OverlayOf(relativePath, file, diagnostics, out var misplaced);
        if (misplaced)
        {
            return;
        }

        if (document.Root is not JsonObject root)
        {
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnknownKind, "a policy file is a mapping that starts with 'kind: Roles', 'kind: Rules' or 'kind: PolicyTest'.", file, 1, 1));
            return;
        }

        var kind = root["kind"] is JsonValue v && v.TryGetValue<string>(out var k) ? k : null;
        var at = document.Positions["/kind"];
        Diagnostic KindError(string message) => new(AuthorizationDiagnosticCodes.UnknownKind, message, file, at.Line, at.Column) { Pointer = "/kind" };
        if (kind is null)
        {
            diagnostics.Add(KindError("missing or non-text 'kind'; expected one of 'Roles', 'Rules', 'PolicyTest'."));
            return;
        }

        if (kind is not ("Roles" or "Rules" or "PolicyTest"))
        {
            diagnostics.Add(KindError($"unknown kind '{kind}'; expected one of 'Roles', 'Rules', 'PolicyTest'."));
            return;
        }

        if (isTestFile != (kind == "PolicyTest"))
        {
            diagnostics.Add(KindError(isTestFile
                ? $"a file named *_test.yaml holds a policy test ('kind: PolicyTest'); found '{kind}'."
                : "policy tests go in files named *_test.yaml, so they are never mistaken for policies."));
            return;
        }

        if (overlay is not null && kind == "Roles")
        {
            diagnostics.Add(KindError($"an overlay for organization '{overlay}' holds rule packages only; roles are declared once, in the base."));
            return;
        }

        var before = diagnostics.Count;
        SchemaValidation.Validate(document, kind switch { "Roles" => PolicySchemas.Roles, "Rules" => PolicySchemas.Rules, _ => PolicySchemas.PolicyTest }, diagnostics);
        if (diagnostics.Count > before)
        {
            return;
        }

        switch (kind)
        {
            case "Roles":
                roles.Add(DocumentReader.ReadRoles(document));
                break;
            case "Rules":
                rules.Add(DocumentReader.ReadRules(document, overlay));
                break;
            default:
                tests.Add(DocumentReader.ReadTest(document));
                break;
        }
    }

    /// <summary>The organization of a file under <c>orgs/&lt;slug&gt;/</c>, or null for a base file.</summary>
    private static string? OverlayOf(string relativePath, string file, List<Diagnostic> diagnostics, out bool misplaced)
    {
        misplaced = false;
        if (!relativePath.StartsWith("orgs/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = relativePath.Split('/');
        if (parts.Length < 3)
        {
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.InvalidOverlay, "overlay files go in a folder named after the organization: orgs/<slug>/<file>.yaml.", file, 1, 1));
            misplaced = true;
            return null;
        }

        if (!TenancyRules.IsValidSlug(parts[1]))
        {
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.InvalidOverlay, $"'{parts[1]}' is not an organization slug; expected {TenancyRules.SlugExpectation}.", file, 1, 1));
            misplaced = true;
            return null;
        }

        return parts[1];
    }

    private static PolicyModel? CompileModel(string? text, string? name, List<Diagnostic> diagnostics)
    {
        try
        {
            return PolicyModel.Parse(text ?? s_builtInModel.Value, name ?? BuiltInModelName);
        }
        catch (PolicyCompilationException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return null;
        }
    }

    /// <summary>The roles compile to 4-field <c>p</c> lines and 3-field <c>g</c> links; a model that cannot take them is refused.</summary>
    private static void CheckModelFits(PolicyModel model, CompiledRoles roles, List<Diagnostic> diagnostics)
    {
        var source = model.SourceName ?? BuiltInModelName;
        var fits = model.RequestDefinitions.TryGetValue("r", out var r) && r.Tokens.Length == 4
            && model.PolicyDefinitions.TryGetValue("p", out var p) && p.Tokens.Length == 4
            && model.RoleDefinitions.TryGetValue("g", out var g) && g.ArgumentCount == 3;
        if (!fits)
        {
            diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.UnsuitableModel,
                "the model must define 'r = sub, dom, obj, act', 'p = sub, dom, obj, act' and 'g = _, _, _' (RBAC with domains); roles compile onto those.", source, 1, 1));
            return;
        }

        try
        {
            // Build once without links: the matcher compiles against the generated lines, or the model is refused here, not at the first check.
            _ = new Enforcer(model, roles.PolicyLines, roles.File);
        }
        catch (PolicyCompilationException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }
    }
}
