using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Compilation.Expressions;

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

    /// <summary>Direct sub-expressions, for analysis (never on the evaluation path).</summary>
    public virtual IEnumerable<Expr> Children => [];

    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<Expr> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }

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
