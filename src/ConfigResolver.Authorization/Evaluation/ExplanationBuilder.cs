using ConfigResolver.Authorization.Compilation;

namespace ConfigResolver.Authorization.Evaluation;

/// <summary>Collects what an explained evaluation found; the fast path passes none and pays nothing.</summary>
internal sealed class ExplanationBuilder
{
    private readonly List<string> _reasons = [];
    private readonly List<DecidingRule> _rules = [];
    private readonly List<string> _lines = [];
    private string? _whyNot;

    public void Reason(string reason) => _reasons.Add(reason);

    public void Line(string line) => _lines.Add(line);

    public void WhyNot(string whyNot) => _whyNot ??= whyNot;

    public void Rule(CompiledRule rule, string? reason)
    {
        var package = rule.OverlayOrganization is null ? rule.Package : $"{rule.OverlayOrganization}/{rule.Package}";
        _rules.Add(new DecidingRule(package, rule.Name, rule.IsDeny ? "deny" : "allow", rule.File, rule.Line, rule.Column, reason));
    }

    public DecisionExplanation Build(bool allowed, long revision) =>
        new(allowed, revision, [.. _reasons], [.. _rules], [.. _lines], allowed ? null : _whyNot);
}
