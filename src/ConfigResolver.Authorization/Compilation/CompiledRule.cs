using System.Collections.Immutable;
using ConfigResolver.Policy.Conditions;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// One compiled rule (one alternative of a rule name): selectors, conditions, reason, and where it was written.
/// A rule <em>selects</em> a request when its action and resource selectors match; it <em>holds</em> when, in
/// addition, every condition is true.
/// </summary>
/// <remarks>Immutable; safe for concurrent use.</remarks>
internal sealed class CompiledRule
{
    private readonly SelectorGlob[] _actions;
    private readonly SelectorGlob[] _resources;
    private readonly CompiledCondition[] _when;

    public CompiledRule(
        string package, string name, bool isDeny, string file, int line, int column, string? overlayOrganization,
        ImmutableArray<SelectorGlob> actions, ImmutableArray<SelectorGlob> resources, ImmutableArray<CompiledCondition> when, ReasonTemplate? reason)
    {
        Package = package;
        Name = name;
        IsDeny = isDeny;
        File = file;
        Line = line;
        Column = column;
        OverlayOrganization = overlayOrganization;
        _actions = [.. actions];
        _resources = [.. resources];
        _when = [.. when];
        Actions = actions;
        Resources = resources;
        When = when;
        Reason = reason;
    }

    public string Package { get; }

    public string Name { get; }

    public bool IsDeny { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The organization of an overlay rule, or null for a base rule.</summary>
    public string? OverlayOrganization { get; }

    public ImmutableArray<SelectorGlob> Actions { get; }

    /// <summary>The resource selectors; empty when the rule selects every resource.</summary>
    public ImmutableArray<SelectorGlob> Resources { get; }

    public ImmutableArray<CompiledCondition> When { get; }

    public ReasonTemplate? Reason { get; }

    /// <summary>Whether the selectors match (no <c>actions</c> or no <c>resources</c> selects every value).</summary>
    public bool Selects(string action, string resource)
    {
        if (_actions.Length > 0 && !Any(_actions, action))
        {
            return false;
        }

        return _resources.Length == 0 || Any(_resources, resource);
    }

    /// <summary>
    /// Whether every condition holds. A condition that cannot be evaluated (a missing attribute, a function that
    /// rejects its input) makes the rule hold if it denies and not hold if it allows: errors fail closed.
    /// </summary>
    public bool Holds(ReadOnlySpan<object?> values, out string? error)
    {
        error = null;
        foreach (var condition in _when)
        {
            try
            {
                if (!condition.Evaluate(values))
                {
                    return false;
                }
            }
            catch (PolicyEvaluationException e)
            {
                error = $"condition '{condition.Text}' could not be evaluated: {e.Message}";
                return IsDeny;
            }
        }

        return true;
    }

    private static bool Any(SelectorGlob[] globs, string value)
    {
        foreach (var glob in globs)
        {
            if (glob.Matches(value))
            {
                return true;
            }
        }

        return false;
    }
}
