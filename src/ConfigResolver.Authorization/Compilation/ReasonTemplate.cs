using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Conditions;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// A rule's <c>reason</c>: text with <c>{path}</c> placeholders over the condition variables (<c>{org.slug}</c>,
/// <c>{resource.id}</c>); <c>{{</c> and <c>}}</c> write braces. Paths are checked against the variables' field shapes
/// when the rule compiles, and rendered only when a decision is explained.
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed class ReasonTemplate
{
    private readonly ImmutableArray<(string? Text, int Variable, ImmutableArray<string> Path)> _parts;

    private ReasonTemplate(string text, ImmutableArray<(string?, int, ImmutableArray<string>)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public static ReasonTemplate? Compile(Located reason, ICollection<Diagnostic> diagnostics)
    {
        var text = reason.Value;
        var parts = ImmutableArray.CreateBuilder<(string?, int, ImmutableArray<string>)>();
        var literal = new StringBuilder();
        var ok = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                ok &= Fail(reason, i, "a '}' without '{'; write '}}' for a brace.", diagnostics);
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                ok &= Fail(reason, i, "a '{' without '}'; write '{{' for a brace.", diagnostics);
                break;
            }

            var path = text[(i + 1)..close].Trim().Split('.');
            var variable = ConditionVariables.IndexOf(path[0]);
            if (variable < 0)
            {
                ok &= Fail(reason, i + 1, $"unknown name '{path[0]}' in placeholder; expected one of {RolesCompiler.Quote(ConditionVariables.Base.Select(static v => v.Name))}.", diagnostics);
            }
            else if (!CheckPath(ConditionVariables.Base[variable].Shape, path, out var bad))
            {
                ok &= Fail(reason, i + 1, $"'{string.Join('.', path)}' names an unknown field '{bad}'.", diagnostics);
            }

            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), -1, []));
                literal.Clear();
            }

            parts.Add((null, variable, [.. path.Skip(1)]));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), -1, []));
        }

        return ok ? new ReasonTemplate(text, parts.ToImmutable()) : null;
    }

    /// <summary>Renders the reason over the values a check evaluated its conditions with.</summary>
    public string Render(ReadOnlySpan<object?> values)
    {
        var sb = new StringBuilder();
        foreach (var (text, variable, path) in _parts)
        {
            if (text is not null)
            {
                sb.Append(text);
                continue;
            }

            object? value = values[variable];
            foreach (var segment in path)
            {
                value = Read(value, segment);
            }

            sb.Append(Format(value));
        }

        return sb.ToString();
    }

    private static object? Read(object? value, string name) => value switch
    {
        IAttributeSource source => source.TryGetAttribute(name, out var v) ? v : null,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(name),
        _ => null,
    };

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        string s => s,
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool CheckPath(FieldShape shape, string[] path, out string bad)
    {
        for (var i = 1; i < path.Length; i++)
        {
            if (!shape.TryGetMember(path[i], out shape))
            {
                bad = path[i];
                return false;
            }
        }

        bad = string.Empty;
        return true;
    }

    private static bool Fail(Located reason, int offset, string message, ICollection<Diagnostic> diagnostics)
    {
        diagnostics.Add(new Diagnostic(AuthorizationDiagnosticCodes.InvalidReasonTemplate, message, reason.File, reason.Line, reason.Column + offset) { Pointer = reason.Pointer });
        return false;
    }
}
