namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// A compiled matcher node. Matchers compile once into a tree of these; evaluating one parses, reflects and
/// builds no strings. Semantics follow govaluate as used by Go casbin, including its errors.
/// </summary>
internal abstract class Expr
{
    protected Expr(ExprTraits traits) => Traits = traits;

    public ExprTraits Traits { get; }

    public bool Has(ExprTraits trait) => (Traits & trait) != 0;

    public abstract Value Evaluate(ref EvalFrame frame);

    protected static ExprTraits Combine(params ReadOnlySpan<Expr> children)
    {
        var traits = ExprTraits.None;
        foreach (var child in children)
        {
            traits |= child.Traits;
        }

        return traits;
    }
}
