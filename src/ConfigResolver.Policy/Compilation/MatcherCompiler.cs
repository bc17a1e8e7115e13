using System.Globalization;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Compilation.Expressions;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Evaluation;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// Binds a parsed matcher to a request and policy definition and turns it into an <see cref="Expr"/> tree:
/// names become token slots, <c>g</c> calls become role lookups, functions are resolved and checked for arity.
/// Every problem is collected with its position; nothing is compiled when there is one.
/// </summary>
internal sealed class MatcherCompiler
{
    private readonly CompileScope _scope;
    private readonly SourceMap? _map;
    private readonly List<Diagnostic> _diagnostics;
    private readonly EvalRuleCache _evalCache;

    private MatcherCompiler(CompileScope scope, SourceMap? map, List<Diagnostic> diagnostics, EvalRuleCache? evalCache)
    {
        _scope = scope;
        _map = map;
        _diagnostics = diagnostics;
        _evalCache = evalCache ?? new EvalRuleCache(CompileEvalRule);
    }

    /// <summary>Compiles matcher text; returns null and adds diagnostics when it does not compile.</summary>
    public static Expr? Compile(string text, SourceMap? map, CompileScope scope, List<Diagnostic> diagnostics)
    {
        var compiler = new MatcherCompiler(scope, map, diagnostics, null);
        return compiler.CompileText(text);
    }

    private Expr? CompileText(string text)
    {
        var syntax = MatcherParser.Parse(text, out var errorOffset, out var error, out var overLimit);
        if (syntax is null)
        {
            Report(overLimit ? PolicyDiagnosticCodes.ExpressionTooComplex : PolicyDiagnosticCodes.MatcherSyntax, errorOffset, error!);
            return null;
        }

        var before = _diagnostics.Count;
        var expr = Bind(syntax);
        return _diagnostics.Count == before ? expr : null;
    }

    // eval() texts are compiled at run time against the same scope; errors surface as evaluation errors.
    private Expr CompileEvalRule(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var compiler = new MatcherCompiler(_scope, null, diagnostics, _evalCache);
        var expr = compiler.CompileText(text);
        return expr ?? throw new PolicyEvaluationException(
            $"error while parsing eval parameter: {text}, {string.Join("; ", diagnostics.Select(static d => d.Message))}");
    }

    private Expr Bind(SyntaxNode node) => node switch
    {
        LiteralSyntax literal => new ConstantExpr(Value.FromObject(literal.Value)),
        NameSyntax name => BindName(name),
        UnarySyntax unary => unary.Operator switch
        {
            "!" => new NotExpr(Bind(unary.Operand)),
            "-" => new NegateExpr(Bind(unary.Operand), bitwise: false),
            _ => new NegateExpr(Bind(unary.Operand), bitwise: true),
        },
        BinarySyntax binary => BindBinary(binary),
        TernarySyntax ternary => new TernaryExpr(Bind(ternary.Condition), Bind(ternary.WhenTrue), Bind(ternary.WhenFalse)),
        CallSyntax call => BindCall(call),
        ListSyntax list => new ListExpr([.. list.Items.Select(Bind)]),
        _ => throw new InvalidOperationException($"Unexpected syntax node {node.GetType().Name}."),
    };

    private Expr BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        switch (binary.Operator)
        {
            case "&&":
                return new AndExpr(left, right);
            case "||":
                return new OrExpr(left, right);
            case "==" or "!=":
                var negate = binary.Operator == "!=";
                if (!negate && TryTokenEquality(left, right, out var fast))
                {
                    return fast;
                }

                return new EqualityExpr(left, right, negate);
            case "<" or "<=" or ">" or ">=":
                return new ComparisonExpr(binary.Operator, left, right);
            case "in":
                return new InExpr(left, right);
            case "=~" or "!~":
                if (right is ConstantExpr { Value.Kind: ValueKind.String } constant
                    && RegexOperatorExpr.TryCompile(constant.Value.String, out var regexError) is null)
                {
                    // govaluate compiles a constant pattern when the expression is parsed, so Go refuses the model.
                    return Invalid(PolicyDiagnosticCodes.UnsupportedRegex, binary.Right.Offset,
                        $"the regular expression '{constant.Value.String}' is not valid RE2 syntax: {regexError}.");
                }

                return new RegexOperatorExpr(left, right, binary.Operator == "!~");
            case "??":
                return new CoalesceExpr(left, right);
            default:
                return new ArithmeticExpr(binary.Operator, left, right);
        }
    }

    private static bool TryTokenEquality(Expr left, Expr right, out Expr result)
    {
        (RequestValueExpr? r, PolicyValueExpr? p) = (left, right) switch
        {
            (RequestValueExpr a, PolicyValueExpr b) => (a, b),
            (PolicyValueExpr b, RequestValueExpr a) => (a, b),
            _ => (null, null),
        };
        result = r is not null && p is not null ? new TokenEqualityExpr(r, p) : null!;
        return result is not null;
    }

    private Expr BindName(NameSyntax name)
    {
        var segments = name.Text.Split('.');
        if (_scope.BareShapes is { } shapes)
        {
            return BindBareName(name, segments, shapes);
        }

        if (TryResolveToken(segments, out var expr, out var consumed, out var parameter))
        {
            for (var i = consumed; i < segments.Length; i++)
            {
                expr = new MemberExpr(expr, segments[i], parameter);
            }

            return expr;
        }

        return Invalid(PolicyDiagnosticCodes.UnknownToken, name.Offset, DescribeUnknownName(name.Text));
    }

    private Expr BindBareName(NameSyntax name, string[] segments, Conditions.FieldShape[] shapes)
    {
        // A variable named with dots ('org.status') stands for that field, passed as a value of its own: the longest
        // such name that starts the path is read directly, and only the rest of the path is member access.
        var (index, consumed) = LongestVariable(segments);
        if (index < 0)
        {
            return Invalid(PolicyDiagnosticCodes.UnknownToken, name.Offset,
                $"unknown name '{segments[0]}'; expected one of {string.Join(", ", _scope.Request.Tokens.Where(static t => !t.Contains('.', StringComparison.Ordinal)).Select(static t => $"'{t}'"))}.");
        }

        var variable = _scope.Request.Tokens[index];
        Expr expr = new RequestValueExpr(index, variable);
        var shape = shapes[index];
        var offset = name.Offset + variable.Length;
        for (var i = consumed; i < segments.Length; i++)
        {
            if (!shape.TryGetMember(segments[i], out var next))
            {
                var path = string.Join('.', segments.Take(i));
                var known = shape.KnownMembers.ToList();
                return Invalid(PolicyDiagnosticCodes.UnknownField, offset + 1, known.Count == 0
                    ? $"'{path}' has no fields; found '.{segments[i]}'."
                    : $"unknown field '{segments[i]}' of '{path}'; expected one of {string.Join(", ", known.Select(static k => $"'{k}'"))}.");
            }

            expr = new MemberExpr(expr, segments[i], segments[0]);
            shape = next;
            offset += segments[i].Length + 1;
        }

        return expr;
    }

    private (int Index, int Consumed) LongestVariable(string[] segments)
    {
        for (var count = segments.Length; count > 1; count--)
        {
            var index = _scope.Request.IndexOf(string.Join('.', segments, 0, count));
            if (index >= 0)
            {
                return (index, count);
            }
        }

        return (_scope.Request.IndexOf(segments[0]), 1);
    }

    private bool TryResolveToken(string[] segments, out Expr expr, out int consumed, out string parameter)
    {
        foreach (var (definition, isRequest) in new[] { (_scope.Request, true), (_scope.Policy, false) })
        {
            string? token = null;
            if (segments[0] == definition.Key && segments.Length > 1)
            {
                token = segments[1];
                consumed = 2;
            }
            else if (segments[0].StartsWith(definition.Key + "_", StringComparison.Ordinal))
            {
                token = segments[0][(definition.Key.Length + 1)..];
                consumed = 1;
            }
            else
            {
                consumed = 0;
            }

            if (token is null)
            {
                continue;
            }

            var index = definition.IndexOf(token);
            if (index < 0)
            {
                break;
            }

            parameter = definition.Key + "_" + token;
            expr = isRequest ? new RequestValueExpr(index, parameter) : new PolicyValueExpr(index, parameter);
            return true;
        }

        expr = null!;
        consumed = 0;
        parameter = string.Empty;
        return false;
    }

    private string DescribeUnknownName(string text)
    {
        var r = _scope.Request;
        var p = _scope.Policy;
        var known = r.Tokens.Select(t => $"{r.Key}.{t}").Concat(p.Tokens.Select(t => $"{p.Key}.{t}"));
        return $"unknown name '{text}'; expected one of {string.Join(", ", known.Select(static k => $"'{k}'"))}.";
    }

    private Expr BindCall(CallSyntax call)
    {
        var args = call.Arguments.Select(Bind).ToArray();
        if (_scope.RoleIndexes.TryGetValue(call.Name, out var roleIndex))
        {
            if (args.Length is < 2 or > 3)
            {
                return Invalid(PolicyDiagnosticCodes.FunctionArity, call.Offset, $"role function '{call.Name}' takes 2 arguments (name, role) or 3 (name, role, domain); found {args.Length}.");
            }

            return new RoleExpr(roleIndex, call.Name, args);
        }

        if (call.Name == "eval")
        {
            return args.Length == 1
                ? new EvalExpr(args[0], _evalCache)
                : Invalid(PolicyDiagnosticCodes.FunctionArity, call.Offset, $"function 'eval' takes 1 argument (the rule text); found {args.Length}.");
        }

        if (!_scope.Functions.TryGet(call.Name, out var binding))
        {
            var roleNames = _scope.RoleIndexes.Keys.Order(StringComparer.Ordinal);
            var known = roleNames.Concat(["eval"]).Concat(_scope.Functions.Names);
            return Invalid(PolicyDiagnosticCodes.UnknownFunction, call.Offset, $"unknown function '{call.Name}'; expected one of {string.Join(", ", known.Select(static k => $"'{k}'"))}.");
        }

        if (args.Length < binding.MinArguments || args.Length > binding.MaxArguments)
        {
            var expected = binding.MinArguments == binding.MaxArguments
                ? binding.MinArguments.ToString(CultureInfo.InvariantCulture)
                : $"{binding.MinArguments} to {binding.MaxArguments}";
            return Invalid(PolicyDiagnosticCodes.FunctionArity, call.Offset, $"function '{call.Name}' takes {expected} arguments; found {args.Length}.");
        }

        return new CallExpr(binding, args);
    }

    private ConstantExpr Invalid(string code, int offset, string message)
    {
        Report(code, offset, message);
        return new ConstantExpr(Value.False);
    }

    private void Report(string code, int offset, string message)
    {
        var (line, column) = _map?.Locate(offset) ?? (0, 0);
        _diagnostics.Add(new Diagnostic(code, message, _scope.SourceName, line, column));
    }
}
