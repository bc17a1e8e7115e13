using ConfigResolver.Policy.Compilation.Expressions;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// What one matcher evaluation reads: the request values, the current policy rule (all empty strings when
/// the matcher runs without rules), and the snapshot's role managers. A ref struct so that nothing escapes.
/// </summary>
internal ref struct EvalFrame
{
    public EvalFrame(ReadOnlySpan<object?> request, string[] rule, EvaluationServices services)
    {
        Request = request;
        Rule = rule;
        Services = services;
    }

    public ReadOnlySpan<object?> Request;

    public string[] Rule;

    public EvaluationServices Services;

    /// <summary>
    /// The instant clock-reading functions use instead of the clock, when the caller fixed one (a condition evaluated
    /// for a decision, and again for its explanation); null reads <see cref="EvaluationServices.TimeProvider"/>.
    /// </summary>
    public DateTimeOffset? Now;

    // Results of eval() rules that read only the request: the same for every rule of this call (two entries,
    // enough for matchers such as eval(p.sub_rule) && eval(p.obj_rule)).
    public Expr? Memo0;
    public Value MemoValue0;
    public Expr? Memo1;
    public Value MemoValue1;
}
