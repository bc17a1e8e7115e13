using System.Collections.Immutable;
using ConfigResolver.Policy.Compilation.Expressions;
using ConfigResolver.Policy.Evaluation;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Compilation;

/// <summary>A request value or a constant that selects rules by the value of one policy column.</summary>
/// <param name="RequestIndex">The request value compared, or -1 when <paramref name="Constant"/> is used.</param>
/// <param name="Constant">A constant compared instead of a request value.</param>
/// <param name="PolicyIndex">The policy column.</param>
internal readonly record struct EqualityKey(int RequestIndex, string? Constant, int PolicyIndex);

/// <summary>A role term <c>g(r.X, p.Y[, r.D])</c> whose rules can be found through the closure of <c>r.X</c>'s roles.</summary>
internal sealed record RoleKey(int RoleIndex, int UserRequestIndex, int PolicyIndex, int DomainRequestIndex, string? DomainConstant);

/// <summary>
/// How to find the rules a request can match without scanning, derived from the matcher alone. The matcher's
/// top-level conjunction is split into terms. Leading terms that read only the request are evaluated once per
/// request. After them, equality terms <c>r.X == p.Y</c> and role terms <c>g(r.X, p.Y, ...)</c> select rules through
/// hash lookups, but only up to the first term that can fail: Go evaluates terms left to right per rule, so a rule
/// skipped by an index must be one where Go stops at a false term before anything could raise an error.
/// Every remaining term is still evaluated on each candidate, so the index only prunes.
/// </summary>
internal sealed class IndexPlan
{
    private IndexPlan(ImmutableArray<Expr> prefix, ImmutableArray<EqualityKey> equalities, RoleKey? role, ImmutableArray<Expr> residual, bool singleTerm, string description)
    {
        Prefix = prefix;
        Equalities = equalities;
        Role = role;
        Residual = residual;
        SingleTerm = singleTerm;
        Description = description;
    }

    /// <summary>
    /// The terms a candidate rule still has to satisfy, in matcher order: neither leading request-only terms
    /// (already true) nor the equality and role terms the index and role closure have proved.
    /// </summary>
    public ImmutableArray<Expr> Residual { get; }

    /// <summary>The matcher is a single term (not a conjunction), so its result may be a number, as casbin allows.</summary>
    public bool SingleTerm { get; }

    /// <summary>Leading request-only terms, evaluated once per request.</summary>
    public ImmutableArray<Expr> Prefix { get; }

    public ImmutableArray<EqualityKey> Equalities { get; }

    public RoleKey? Role { get; }

    public bool IsIndexed => !Equalities.IsEmpty || Role is not null;

    /// <summary>Whether an index built for <paramref name="other"/> serves this plan (same columns in the same order).</summary>
    public bool SameKeys(IndexPlan other) =>
        Equalities.SequenceEqual(other.Equalities) && (Role?.PolicyIndex ?? -1) == (other.Role?.PolicyIndex ?? -1);

    /// <summary>What the index uses, or why there is none, for diagnostics.</summary>
    public string Description { get; }

    public static IndexPlan Analyze(CompiledMatcher matcher, RoleManager[] roleManagers)
    {
        var terms = new List<Expr>();
        Flatten(matcher.Root, terms);

        var at = 0;
        var prefix = ImmutableArray.CreateBuilder<Expr>();
        while (at < terms.Count && !terms[at].Has(ExprTraits.UsesPolicy) && !terms[at].Has(ExprTraits.UsesEval))
        {
            prefix.Add(terms[at++]);
        }

        var equalities = ImmutableArray.CreateBuilder<EqualityKey>();
        var covered = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        RoleKey? role = null;
        var blockedBy = (Expr?)null;
        for (var i = at; i < terms.Count; i++)
        {
            var term = terms[i];
            if (term is TokenEqualityExpr eq)
            {
                equalities.Add(new EqualityKey(eq.Request.Index, null, eq.Policy.Index));
                covered.Add(term);
            }
            else if (term is EqualityExpr { Negate: false, Left: ConstantExpr { Value.Kind: ValueKind.String } c, Right: PolicyValueExpr p })
            {
                equalities.Add(new EqualityKey(-1, c.Value.String, p.Index));
                covered.Add(term);
            }
            else if (term is EqualityExpr { Negate: false, Left: PolicyValueExpr p2, Right: ConstantExpr { Value.Kind: ValueKind.String } c2 })
            {
                equalities.Add(new EqualityKey(-1, c2.Value.String, p2.Index));
                covered.Add(term);
            }
            else if (role is null && TryRoleKey(term, roleManagers) is { } key)
            {
                role = key;
                covered.Add(term);
            }

            if (term.Has(ExprTraits.MayThrow))
            {
                blockedBy = term;
                break;
            }
        }

        var residual = terms.Skip(at).Where(t => !covered.Contains(t)).ToImmutableArray();

        var description = equalities.Count == 0 && role is null
            ? "no term of the matcher selects rules by a policy column (before the first term that can fail); every rule is evaluated"
            : $"rules are selected by {Describe(matcher, equalities, role)}{(blockedBy is null ? string.Empty : "; terms after the first one that can fail are evaluated per candidate")}";
        return new IndexPlan(prefix.ToImmutable(), equalities.ToImmutable(), role, residual, terms.Count == 1, description);
    }

    private static void Flatten(Expr expr, List<Expr> terms)
    {
        if (expr is AndExpr and)
        {
            Flatten(and.Left, terms);
            Flatten(and.Right, terms);
        }
        else
        {
            terms.Add(expr);
        }
    }

    /// <summary>A role term can index only with exact names: no name-matching function on its role manager.</summary>
    private static RoleKey? TryRoleKey(Expr term, RoleManager[] roleManagers)
    {
        if (term is not RoleExpr { Arguments: [RequestValueExpr user, PolicyValueExpr role, .. var rest] } g
            || roleManagers[g.RoleIndex].NameMatcher is not null)
        {
            return null;
        }

        return rest switch
        {
            [] => new RoleKey(g.RoleIndex, user.Index, role.Index, -1, null),
            [RequestValueExpr domain] => new RoleKey(g.RoleIndex, user.Index, role.Index, domain.Index, null),
            [ConstantExpr { Value.Kind: ValueKind.String } constant] => new RoleKey(g.RoleIndex, user.Index, role.Index, -1, constant.Value.String),
            _ => null,
        };
    }

    private static string Describe(CompiledMatcher matcher, IEnumerable<EqualityKey> equalities, RoleKey? role)
    {
        var parts = equalities.Select(e =>
            $"{matcher.Policy.Key}.{matcher.Policy.Tokens[e.PolicyIndex]} == {(e.RequestIndex >= 0 ? $"{matcher.Request.Key}.{matcher.Request.Tokens[e.RequestIndex]}" : $"'{e.Constant}'")}").ToList();
        if (role is not null)
        {
            parts.Add($"{matcher.Policy.Key}.{matcher.Policy.Tokens[role.PolicyIndex]} in the roles of {matcher.Request.Key}.{matcher.Request.Tokens[role.UserRequestIndex]}");
        }

        return string.Join(", ", parts);
    }
}
