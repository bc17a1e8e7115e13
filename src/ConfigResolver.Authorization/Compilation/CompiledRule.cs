using System.Collections.Immutable;
using ConfigResolver.Policy.Conditions;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// One compiled rule (one alternative of a rule name): selectors, conditions, reason, and where it was written.
/// A rule <em>selects</em> a request when its action and resource selectors match; it <em>holds</em> when, in
/// addition, every condition is true (decided by the check's evaluation, which supplies the condition values).
/// </summary>
/// <remarks>Immutable; safe for concurrent use.</remarks>
internal sealed class CompiledRule
{
    private readonly SelectorGlob[] _actions;
    private readonly SelectorGlob[] _resources;

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
        Conditions = [.. when];
        Reads = [.. when.Select(static c => ReadMask(c))];
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

    /// <summary><see cref="When"/> as an array, for the evaluation loop.</summary>
    public CompiledCondition[] Conditions { get; }

    /// <summary>Per condition, the slots of <see cref="ConditionVariables.All"/> it reads (bit i for slot i), filled before it runs.</summary>
    public ulong[] Reads { get; }

    /// <summary>Whether the selectors match (no <c>actions</c> or no <c>resources</c> selects every value).</summary>
    public bool Selects(string action, string resource)
    {
        if (_actions.Length > 0 && !Any(_actions, action))
        {
            return false;
        }

        return _resources.Length == 0 || Any(_resources, resource);
    }

    private static ulong ReadMask(CompiledCondition condition)
    {
        var mask = 0UL;
        for (var i = 0; i < ConditionVariables.Count; i++)
        {
            mask |= condition.ReadsVariable(i) ? 1UL << i : 0;
        }

        return mask;
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
