using System.Collections.Immutable;

namespace ConfigResolver.Authorization;

/// <summary>
/// Why a check was answered as it was: the reasons in words, the rules that decided, the engine's policy lines and
/// role links that granted access, and for a denial "why not" (the missing membership, role or scope, or the deny
/// rule that fired). Computed on demand by <see cref="Decision.Explain"/>, from what the check read.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class DecisionExplanation
{
    internal DecisionExplanation(bool allowed, long revision, ImmutableArray<string> reasons, ImmutableArray<DecidingRule> rules, ImmutableArray<string> policyLines, string? whyNot)
    {
        Allowed = allowed;
        Revision = revision;
        Reasons = reasons;
        Rules = rules;
        PolicyLines = policyLines;
        WhyNot = whyNot;
    }

    /// <summary>The decision the explanation arrived at: always the check's, since it re-reads exactly what the check read.</summary>
    public bool Allowed { get; }

    /// <summary>Revision of the snapshot that answered.</summary>
    public long Revision { get; }

    /// <summary>The reasons, in the order they were found.</summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>The rules that decided: every deny rule that fired, or the allow rule that allowed.</summary>
    public ImmutableArray<DecidingRule> Rules { get; }

    /// <summary>The engine lines that granted access (<c>p, role:admin, *, agents, write</c> and the <c>g</c> link), if the grant decided.</summary>
    public ImmutableArray<string> PolicyLines { get; }

    /// <summary>For a denial: what is missing (membership, role, scope) or which deny rule fired; null when allowed.</summary>
    public string? WhyNot { get; }
}
