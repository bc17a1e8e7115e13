using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Compilation;

/// <summary>The ValidateLines stage: groups policy lines by type, checking that each type is defined and each rule has its definition's size.</summary>
internal static class LineValidation
{
    /// <summary>Groups lines by type, checking types and sizes; problems go to <paramref name="diagnostics"/>.</summary>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<string, List<string[]>> GroupByType(PolicyModel model, IReadOnlyList<PolicyLine> lines, string? policySource, List<Diagnostic> diagnostics)
    {
        var byType = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var key in model.PolicyDefinitions.Keys.Concat(model.RoleDefinitions.Keys))
        {
            byType[key] = [];
        }

        // One instance per distinct string (PolicyCsv already shares them; rules from elsewhere are pooled here):
        // less memory, and role closures compare to rule fields by reference.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!byType.TryGetValue(line.Type, out var list))
            {
                diagnostics.Add(new Diagnostic(
                    PolicyDiagnosticCodes.UnknownPolicyType,
                    $"unknown policy type '{line.Type}'; expected one of {string.Join(", ", byType.Keys.Order(StringComparer.Ordinal).Select(static k => $"'{k}'"))}.",
                    policySource,
                    line.Line,
                    1));
                continue;
            }

            // Lines from PolicyCsv already share their strings; their arrays are kept as they are. Other lines get
            // a pooled copy only when pooling changes something.
            var fields = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(line.Fields) ?? [];
            string[]? copy = null;
            for (var i = 0; i < fields.Length; i++)
            {
                var value = fields[i];
                var shared = pool.TryGetValue(value, out var existing) ? existing : pool[value] = value;
                if (!ReferenceEquals(shared, value))
                {
                    copy ??= (string[])fields.Clone();
                    copy[i] = shared;
                }
            }

            fields = copy ?? fields;

            if (CheckSize(model, line.Type, fields) is { } problem)
            {
                diagnostics.Add(new Diagnostic(PolicyDiagnosticCodes.PolicyFieldCount, problem, policySource, line.Line, 1));
                continue;
            }

            list.Add(fields);
        }

        return byType;
    }

    /// <summary>Checks the field count of a rule against its definition; returns a message, or null when it fits.</summary>
    public static string? CheckSize(PolicyModel model, string type, string[] fields)
    {
        if (model.PolicyDefinitions.TryGetValue(type, out var p) && fields.Length != p.Tokens.Length)
        {
            return $"policy rule of type '{type}' has {fields.Length} fields; expected {p.Tokens.Length} ({string.Join(", ", p.Tokens)}).";
        }

        if (model.RoleDefinitions.TryGetValue(type, out var g))
        {
            if (fields.Length < g.ArgumentCount)
            {
                return $"grouping rule of type '{type}' has {fields.Length} fields; expected at least {g.ArgumentCount} ('{g.Text}').";
            }

            if (g.ArgumentCount > 3)
            {
                return $"role definition '{type}' has {g.ArgumentCount} placeholders; a grouping rule may carry at most one domain.";
            }
        }

        return null;
    }
}
