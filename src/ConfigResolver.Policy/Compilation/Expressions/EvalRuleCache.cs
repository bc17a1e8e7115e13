using System.Collections.Concurrent;

namespace ConfigResolver.Policy.Compilation.Expressions;

/// <summary>
/// Compiled <c>eval()</c> rule texts. Bounded: past <see cref="Capacity"/> distinct texts, further texts are
/// compiled on each use instead of growing the cache (texts normally come from a finite policy).
/// </summary>
internal sealed class EvalRuleCache(Func<string, Expr> compile)
{
    public const int Capacity = 16_384;

    private readonly ConcurrentDictionary<string, Expr> _compiled = new(StringComparer.Ordinal);

    public Expr Get(string text)
    {
        if (_compiled.TryGetValue(text, out var expr))
        {
            return expr;
        }

        expr = compile(text);
        if (_compiled.Count < Capacity)
        {
            _compiled.TryAdd(text, expr);
        }

        return expr;
    }
}
